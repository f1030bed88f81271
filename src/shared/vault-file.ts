// What makes a file a Contact Sanitizer vault, from its first bytes alone: SQLite's 100-byte header with the magic
// string and, at offset 68, the application id this app stamps (migration 3). Written once, here, for the vault
// (which refuses to open anything else, src/vault/database.ts) and for the command line (which never writes an
// output over a vault or its sidecars, src/cli/output-file.ts). Pure: bytes in, an answer out.

/** SQLite's `application_id` of every vault: 'CSAN' in the header's bytes 68–71, big-endian. */
export const APPLICATION_ID = 0x4353414e;

/** The length of SQLite's file header: read this many bytes to test a file. */
export const SQLITE_HEADER_BYTES = 100;

/** The files SQLite keeps beside a database: `<vault>-wal`, `<vault>-shm`, `<vault>-journal`. */
export const SQLITE_SIDECAR_SUFFIXES = ['-wal', '-shm', '-journal'] as const;

const SQLITE_MAGIC = 'SQLite format 3\0';
const APPLICATION_ID_OFFSET = 68;

/** A whole SQLite header that starts with SQLite's magic string ("SQLite format 3" and a NUL). */
export function isSqliteHeader(bytes: Uint8Array): boolean {
  if (bytes.length < SQLITE_HEADER_BYTES) return false;
  for (let i = 0; i < SQLITE_MAGIC.length; i++) if (bytes[i] !== SQLITE_MAGIC.charCodeAt(i)) return false;
  return true;
}

/** The `application_id` of an SQLite header (0 when none was set), or null when the bytes are not one. */
export function applicationIdOf(bytes: Uint8Array): number | null {
  if (!isSqliteHeader(bytes)) return null;
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(APPLICATION_ID_OFFSET, false);
}

/** The first bytes of a file are a vault's: SQLite's header with this app's application id. */
export function isVaultHeader(bytes: Uint8Array): boolean {
  return applicationIdOf(bytes) === APPLICATION_ID;
}

/** The database a sidecar name belongs to (`team.vault-wal` → `team.vault`), or null for any other name. */
export function sidecarOf(path: string): string | null {
  const suffix = SQLITE_SIDECAR_SUFFIXES.find((s) => path.length > s.length && path.endsWith(s));
  return suffix ? path.slice(0, -suffix.length) : null;
}
