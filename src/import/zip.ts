// Reads the LinkedIn data archive in place: entries are listed and streamed from the ZIP, never written to disk,
// and an archive built to exhaust memory (a ZIP bomb) is refused before anything is inflated.
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { ImportError } from './import-error.js';
import type { ImportLimits } from './limits.js';

export interface ZipEntryInfo {
  name: string;
  compressedBytes: number;
  bytes: number;
  encrypted: boolean;
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) reject(new ImportError('zip-invalid', `This ZIP archive cannot be read (${err?.message ?? 'unknown error'}).`));
      else resolve(zip);
    });
  });
}

function readEntries(zip: yauzl.ZipFile, limits: ImportLimits): Promise<Map<string, yauzl.Entry>> {
  if (zip.entryCount > limits.maxZipEntries) {
    return Promise.reject(
      new ImportError('zip-bomb', `This ZIP archive lists ${zip.entryCount} files, more than the ${limits.maxZipEntries} a LinkedIn archive could hold.`),
    );
  }
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    let total = 0;
    zip.on('error', (err: Error) => reject(new ImportError('zip-invalid', `This ZIP archive is damaged (${err.message}).`)));
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith('/')) {
        total += entry.uncompressedSize;
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
        if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxZipRatio) {
          reject(new ImportError('zip-bomb', `The archive entry "${entry.fileName}" would expand ${Math.round(ratio)} times: refused as a possible ZIP bomb.`));
          return;
        }
        if (total > limits.maxZipTotalBytes) {
          reject(new ImportError('zip-bomb', `This ZIP archive would expand to more than ${limits.maxZipTotalBytes} bytes: refused as a possible ZIP bomb.`));
          return;
        }
        entries.set(entry.fileName, entry);
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.readEntry();
  });
}

/** List an archive's files, refusing ZIP bombs. */
export async function listZip(path: string, limits: ImportLimits): Promise<ZipEntryInfo[]> {
  const zip = await openZip(path);
  try {
    const entries = await readEntries(zip, limits);
    return [...entries.values()].map((e) => ({
      name: e.fileName,
      compressedBytes: e.compressedSize,
      bytes: e.uncompressedSize,
      encrypted: (e.generalPurposeBitFlag & 1) !== 0,
    }));
  } finally {
    zip.close();
  }
}

/**
 * Stream one entry's bytes. The archive stays open until the stream ends or is destroyed. Sizes are checked while
 * inflating too (yauzl compares against the declared size), so a header that lies cannot get past the limits.
 */
export async function openZipEntry(path: string, name: string, limits: ImportLimits): Promise<Readable> {
  const zip = await openZip(path);
  try {
    const entry = (await readEntries(zip, limits)).get(name);
    if (!entry) throw new ImportError('zip-entry-not-found', `The archive has no file named "${name}".`);
    if ((entry.generalPurposeBitFlag & 1) !== 0) {
      throw new ImportError('zip-encrypted', `"${name}" is encrypted inside the archive; extract it with its password first.`);
    }
    if (entry.uncompressedSize > limits.maxFileBytes) {
      throw new ImportError('too-large', `"${name}" is ${entry.uncompressedSize} bytes, more than the ${limits.maxFileBytes} this app reads.`);
    }
    const stream = await new Promise<Readable>((resolve, reject) => {
      zip.openReadStream(entry, (err, s) => (err || !s ? reject(new ImportError('zip-invalid', `"${name}" cannot be read from the archive (${err?.message}).`)) : resolve(s)));
    });
    stream.once('close', () => zip.close());
    stream.once('end', () => zip.close());
    return stream;
  } catch (err) {
    zip.close();
    throw err;
  }
}
