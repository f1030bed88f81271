// Every file the command line writes goes through here (the CLI is the only front end that writes files; the desktop
// saves through the browser's download). The rules (docs/cli.md, "Output files"; invariants I2 and I7):
// - the path is checked before anything changes: `checkOutput` runs before the command calls the core, so a
//   destruction never happens for a certificate that cannot be written;
// - an existing file is replaced only with --force; a vault, its -wal/-shm/-journal, and the vault the command
//   works on (even before it exists) are never written over, --force or not;
// - the folder must exist and be writable; a mistake is one sentence, never a stack;
// - the text goes to a temporary file in the same folder, created 0600 (`wx`), synced, then moved into place:
//   a reader never sees half a file, and the output is 0600 whatever was there before.
import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fchmodSync, fsyncSync, linkSync, lstatSync, openSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ServiceError } from '../shared/errors.js';
import { applicationIdOf, isVaultHeader, sidecarOf, SQLITE_HEADER_BYTES } from '../shared/vault-file.js';
import { writeOut } from './write-out.js';

/** An output path that passed the checks: written by `writeOutput`, which checks again just before replacing. */
export interface CheckedOutput {
  /** As the user typed it, for messages. */
  readonly shown: string;
  readonly path: string;
  readonly force: boolean;
  /** The vault the command works on (--vault or $CONTACT_SANITIZER_VAULT), never written over. */
  readonly vault: string | null;
}

/** The options of a command that writes a file. */
export interface OutputOptions {
  vault?: string;
  force?: boolean;
}

/**
 * Check the file a command was asked to write (`--out`, `--certificate-out`), before the command changes anything.
 * Null when none was named (the output goes to stdout).
 */
export function outputFor(opts: OutputOptions, file: string | undefined): CheckedOutput | null {
  if (file === undefined) return null;
  return checkOutput(file, { force: opts.force ?? false, vault: opts.vault ?? process.env.CONTACT_SANITIZER_VAULT ?? null });
}

export function checkOutput(file: string, options: { force: boolean; vault: string | null }): CheckedOutput {
  if (file.trim() === '') throw new ServiceError('invalid', 'Name the output file.');
  const out: CheckedOutput = { shown: file, path: resolve(file), force: options.force, vault: options.vault };
  checkFolder(out);
  checkTarget(out);
  return out;
}

/** Write the text to the checked file, or to stdout when none was named. */
export async function emit(out: CheckedOutput | null, text: string): Promise<void> {
  if (out) writeOutput(out, text);
  else await writeOut(text);
}

/** Write to a 0600 temporary file beside the target, sync it, then move it into place. */
export function writeOutput(out: CheckedOutput, text: string): void {
  const folder = dirname(out.path);
  const temp = join(folder, `.${basename(out.path)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | null = null;
  let placed = false;
  try {
    fd = openSync(temp, 'wx', 0o600);
    if (process.platform !== 'win32') fchmodSync(fd, 0o600); // whatever the umask
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    checkTarget(out); // again: a vault or a file may have appeared since the first check
    if (out.force) renameSync(temp, out.path);
    else placeNew(temp, out);
    placed = true;
    syncFolder(folder);
  } catch (err) {
    if (err instanceof ServiceError) throw err;
    throw new ServiceError('failed', `"${out.shown}" could not be written (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): nothing was replaced.`);
  } finally {
    if (fd !== null) closeSync(fd);
    if (!placed) tryUnlink(temp);
  }
}

function checkFolder(out: CheckedOutput): void {
  const folder = dirname(out.path);
  const shown = dirname(out.shown);
  let stats: Stats;
  try {
    stats = statSync(folder);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ServiceError('invalid', `The folder "${shown}" does not exist.`);
    throw new ServiceError('invalid', `The folder "${shown}" cannot be read (${code ?? 'unknown error'}).`);
  }
  if (!stats.isDirectory()) throw new ServiceError('invalid', `The folder "${shown}" does not exist.`);
  try {
    accessSync(folder, constants.W_OK | constants.X_OK);
  } catch {
    throw new ServiceError('invalid', `The folder "${shown}" cannot be written to.`);
  }
}

function checkTarget(out: CheckedOutput): void {
  const why = vaultReason(out);
  if (why) throw new ServiceError('conflict', `"${out.shown}" is ${why}: an output is never written over it, even with --force.`);
  const stats = lstatOrNull(out.path);
  if (!stats) return;
  if (stats.isDirectory()) throw new ServiceError('invalid', `"${out.shown}" is a folder: name a file to write.`);
  // A device, a pipe or a socket is never replaced by a file (an admin's --force on /dev/null must not break it).
  if (!stats.isFile() && !stats.isSymbolicLink()) throw new ServiceError('conflict', `"${out.shown}" is not a regular file: nothing was written (leave out --out to print to the terminal).`);
  if (!out.force) throw new ServiceError('conflict', `"${out.shown}" already exists: nothing was written (add --force to replace it).`);
}

/** Why the path must not be written over, or null: the vault named by the command, any vault, or their sidecars. */
function vaultReason(out: CheckedOutput): string | null {
  const base = sidecarOf(out.path);
  if (out.vault !== null) {
    const named = resolve(out.vault);
    if (samePath(out.path, named)) return 'the vault';
    if (base !== null && samePath(base, named)) return 'a file SQLite keeps beside the vault';
  }
  const what = vaultFile(out.path);
  if (what) return what;
  if (base !== null && vaultFile(base)) return 'a file SQLite keeps beside a vault';
  return null;
}

/**
 * 'a vault' when the file's header is a vault's; also an SQLite file without an application id, which may be a
 * vault written before the id (schema 1 or 2) or one being created. Null for anything else, or no file.
 */
function vaultFile(path: string): string | null {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch {
    return null;
  }
  if (!stats.isFile()) return null;
  let head: Buffer;
  try {
    head = readHeader(path);
  } catch {
    return 'a file that cannot be read to check that it is not a vault';
  }
  if (isVaultHeader(head)) return 'a vault';
  if (applicationIdOf(head) === 0) return 'an SQLite database that may be a vault';
  return null;
}

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(SQLITE_HEADER_BYTES);
    return buf.subarray(0, readSync(fd, buf, 0, SQLITE_HEADER_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

/** The same file: the same path once folders' links are followed, or, when both exist, the same inode. */
function samePath(a: string, b: string): boolean {
  if (canonical(a) === canonical(b)) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

function canonical(path: string): string {
  let full: string;
  try {
    full = realpathSync(path);
  } catch {
    try {
      full = join(realpathSync(dirname(path)), basename(path));
    } catch {
      full = path;
    }
  }
  // Windows and macOS file systems ignore case by default: "Team.vault" is the vault "team.vault".
  return process.platform === 'win32' || process.platform === 'darwin' ? full.toLowerCase() : full;
}

/** Move the temporary file to a name that must not exist: link() refuses an existing name atomically. */
function placeNew(temp: string, out: CheckedOutput): void {
  try {
    linkSync(temp, out.path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new ServiceError('conflict', `"${out.shown}" already exists: nothing was written (add --force to replace it).`);
    // A file system without hard links: the check above is the guard.
    if (lstatOrNull(out.path)) throw new ServiceError('conflict', `"${out.shown}" already exists: nothing was written (add --force to replace it).`);
    renameSync(temp, out.path);
    return;
  }
  tryUnlink(temp);
}

function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort: the file itself is synced; some file systems cannot sync a folder.
  }
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

function tryUnlink(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already moved into place, or never created.
  }
}
