// Reads an export end to end: open (CSV or ZIP entry) → guess the encoding → decode in chunks → find the header →
// split records. Nothing is held whole: a million-row file passes through in 256 KiB chunks.
import { ChunkDecoder, NotUtf8Error, sniffEncoding, type TextEncoding } from './encoding.js';
import type { ColumnBinding, ImportKind } from './formats.js';
import { locateHeader, type Delimiter, type LocatedHeader } from './header.js';
import { ImportError } from './import-error.js';
import { DEFAULT_LIMITS, type ImportLimits } from './limits.js';
import { RecordSplitter, type RawRecord, type RecordError } from './records.js';
import { openExportSource, type ArchiveEntry, type ExportSource, type SourceOptions } from './source.js';

export type ExportVariant = 'current' | '2022' | 'legacy' | 'no-email' | 'imported-contacts';

export interface ExportInfo {
  container: 'csv' | 'zip';
  entry: string | null;
  archive: ArchiveEntry[];
  bytes: number;
  encoding: TextEncoding;
  bom: boolean;
  delimiter: Delimiter;
  lineEnding: 'lf' | 'crlf' | 'cr';
  kind: ImportKind;
  variant: ExportVariant;
  preamble: boolean;
  headerLine: number;
  columns: ColumnBinding[];
}

/** Receives the records of one reading pass. A pass may be abandoned (encoding fallback): a new sink starts over. */
export interface RecordSink<T> {
  record(record: RawRecord): void;
  error(error: RecordError): void;
  finish(): T;
}

export interface ReadOptions extends SourceOptions {
  limits?: ImportLimits;
  onProgress?: (bytesRead: number, bytesTotal: number) => void;
  signal?: AbortSignal;
}

function variantOf(located: LocatedHeader): ExportVariant {
  const { header, preamble } = located;
  if (header.kind === 'linkedin-imported-contacts') return 'imported-contacts';
  if (!header.has.has('email')) return 'no-email';
  if (header.has.has('profile-url')) return 'current';
  return preamble ? '2022' : 'legacy';
}

export async function readExport<T>(
  path: string,
  makeSink: (info: ExportInfo) => RecordSink<T>,
  options: ReadOptions = {},
): Promise<{ info: ExportInfo; result: T }> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const source = await openExportSource(path, limits, options);
  try {
    return await readPass(source, null, makeSink, limits, options);
  } catch (err) {
    if (!(err instanceof NotUtf8Error)) throw err;
    // Not UTF-8 after all: Excel re-saved it in the Windows "ANSI" code page. Start again from the first byte.
    return readPass(source, 'windows-1252', makeSink, limits, options);
  }
}

async function readPass<T>(
  source: ExportSource,
  forced: TextEncoding | null,
  makeSink: (info: ExportInfo) => RecordSink<T>,
  limits: ImportLimits,
  options: ReadOptions,
): Promise<{ info: ExportInfo; result: T }> {
  const stream = await source.open();
  let decoder: ChunkDecoder | null = null;
  let bom = false;
  let head = '';
  let info: ExportInfo | null = null;
  let sink: RecordSink<T> | null = null;
  let splitter: RecordSplitter | null = null;
  let bytesRead = 0;

  const start = (text: string, ended: boolean): boolean => {
    head += text;
    const located = locateHeader(head, ended, limits);
    if (!located) {
      if (head.length > limits.maxRecordChars) throw new ImportError('no-header', 'The first lines of this file are too long to be a LinkedIn export.');
      return false;
    }
    info = {
      container: source.container,
      entry: source.entry,
      archive: source.archive,
      bytes: source.bytes,
      encoding: decoder!.encoding,
      bom,
      delimiter: located.delimiter,
      lineEnding: located.lineEnding,
      kind: located.header.kind,
      variant: variantOf(located),
      preamble: located.preamble,
      headerLine: located.line,
      columns: located.header.columns,
    };
    const s = makeSink(info);
    sink = s;
    splitter = new RecordSplitter({
      delimiter: located.delimiter,
      columnCount: located.header.columns.length,
      firstLine: located.line + 1,
      limits,
      onRecord: (r) => s.record(r),
      onError: (e) => s.error(e),
    });
    splitter.push(head.slice(located.dataOffset));
    head = '';
    return true;
  };

  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      options.signal?.throwIfAborted();
      bytesRead += chunk.length;
      if (bytesRead > limits.maxFileBytes) {
        throw new ImportError('too-large', `The file is larger than the ${limits.maxFileBytes} bytes this app reads.`);
      }
      if (!decoder) {
        const guess = sniffEncoding(chunk);
        bom = guess.bom;
        decoder = new ChunkDecoder(forced ?? guess.encoding);
      }
      const text = decoder.decode(chunk);
      if (splitter) (splitter as RecordSplitter).push(text);
      else start(text, false);
      options.onProgress?.(bytesRead, source.bytes);
    }
    if (!decoder) throw new ImportError('empty-file', 'The file is empty (0 bytes): export your connections from LinkedIn again.');
    const tail = decoder.end();
    if (!splitter) start(tail, true);
    else if (tail) (splitter as RecordSplitter).push(tail);
    (splitter as unknown as RecordSplitter).end();
  } catch (err) {
    stream.destroy();
    if (err instanceof ImportError || err instanceof NotUtf8Error) throw err;
    if ((err as Error).name === 'AbortError') throw err;
    throw new ImportError('unreadable', `The file could not be read to the end (${(err as Error).message}).`);
  }
  return { info: info!, result: (sink as unknown as RecordSink<T>).finish() };
}
