// Where the bytes come from: a plain CSV/TSV file, or one entry of the LinkedIn archive ZIP. A source can be opened
// again from the start, which the reader needs when a file guessed as UTF-8 turns out to be Windows-1252.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { describeArchiveEntry } from './formats.js';
import { ImportError } from './import-error.js';
import type { ImportLimits } from './limits.js';
import { listZip, openZipEntry, type ZipEntryInfo } from './zip.js';

export interface ArchiveEntry {
  name: string;
  bytes: number;
  description: string;
}

export interface ExportSource {
  container: 'csv' | 'zip';
  /** The archive entry read, or null for a plain file. */
  entry: string | null;
  /** Every file in the archive, with what it holds (empty for a plain file). */
  archive: ArchiveEntry[];
  /** Bytes of the text to be read (the entry's uncompressed size for a ZIP). */
  bytes: number;
  open(): Promise<Readable>;
}

export interface SourceOptions {
  /**
   * Which archive entry to read. Default: Connections.csv. ImportedContacts.csv holds people who never connected
   * with the member, so it is read only when named here.
   */
  entry?: string | undefined;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buf = new Uint8Array(4);
    const { bytesRead } = await handle.read(buf, 0, 4, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const startsWith = (head: Uint8Array, magic: number[]) => magic.every((b, i) => head[i] === b);

export async function openExportSource(path: string, limits: ImportLimits, options: SourceOptions = {}): Promise<ExportSource> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ImportError('unreadable', `"${path}" is not a file.`);
    size = info.size;
  } catch (err) {
    if (err instanceof ImportError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ImportError('not-found', `There is no file at "${path}".`);
    throw new ImportError('unreadable', `"${path}" cannot be read (${code ?? String(err)}).`);
  }
  if (size === 0) throw new ImportError('empty-file', 'The file is empty (0 bytes): export your connections from LinkedIn again.');
  const head = await readHead(path);
  if (startsWith(head, ZIP_MAGIC) || startsWith(head, EMPTY_ZIP_MAGIC)) return zipSource(path, limits, options);
  if (size > limits.maxFileBytes) {
    throw new ImportError('too-large', `The file is ${size} bytes, more than the ${limits.maxFileBytes} this app reads.`);
  }
  return {
    container: 'csv',
    entry: null,
    archive: [],
    bytes: size,
    open: async () => createReadStream(path, { highWaterMark: 256 * 1024 }),
  };
}

const baseName = (name: string) => name.split('/').pop()!.toLowerCase();

async function zipSource(path: string, limits: ImportLimits, options: SourceOptions): Promise<ExportSource> {
  const entries = await listZip(path, limits);
  const archive = entries.map((e) => ({ name: e.name, bytes: e.bytes, description: describeArchiveEntry(e.name) }));
  const wanted = (options.entry ?? 'Connections.csv').toLowerCase();
  const matches = entries.filter((e) => e.name.toLowerCase() === wanted || baseName(e.name) === baseName(wanted));
  // Prefer the shallowest match: an archive inside a folder still has one Connections.csv.
  const entry: ZipEntryInfo | undefined = matches.sort((a, b) => a.name.split('/').length - b.name.split('/').length)[0];
  if (!entry) {
    const listed = entries.slice(0, 12).map((e) => e.name).join(', ') || 'no files';
    if (options.entry) throw new ImportError('zip-entry-not-found', `The archive has no file named "${options.entry}" (it holds ${listed}).`);
    throw new ImportError(
      'zip-no-connections',
      `This ZIP archive has no Connections.csv (it holds ${listed}${entries.length > 12 ? ', …' : ''}). Request the LinkedIn data archive with "Connections" ticked.`,
    );
  }
  if (entry.bytes === 0) throw new ImportError('empty-file', `${entry.name} in the archive is empty (0 bytes).`);
  return {
    container: 'zip',
    entry: entry.name,
    archive,
    bytes: entry.bytes,
    open: () => openZipEntry(path, entry.name, limits),
  };
}
