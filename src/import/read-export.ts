// Reads an export end to end: open (CSV or ZIP entry) → guess the encoding → decode in chunks → find the header →
// split records. Nothing is held whole: a million-row file passes through in 256 KiB chunks.
import { ChunkDecoder, NotUtf8Error, sniffEncoding, type TextEncoding } from './encoding.js';
import type { ColumnBinding, ImportKind } from './formats.js';
import { locateHeader, type Delimiter, type LocatedHeader } from './header.js';
import { ServiceError } from '../shared/errors.js';
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
  const pass = new Pass(source, forced, makeSink, limits);
  let bytesRead = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      options.signal?.throwIfAborted();
      bytesRead += chunk.length;
      if (bytesRead > limits.maxFileBytes) {
        throw new ImportError('too-large', `The file is larger than the ${limits.maxFileBytes} bytes this app reads.`);
      }
      pass.push(chunk);
      options.onProgress?.(bytesRead, source.bytes);
    }
    return pass.end();
  } catch (err) {
    stream.destroy();
    if (err instanceof ImportError || err instanceof NotUtf8Error) throw err;
    // Cancelled by the person who started it (src/app/cancellation.ts), or by an AbortSignal: not a reading failure.
    if ((err as Error).name === 'AbortError' || err instanceof ServiceError) throw err;
    throw new ImportError('unreadable', `The file could not be read to the end (${(err as Error).message}).`);
  }
}

/** One pass over the bytes: decoding, then the header search, then records into the sink. */
class Pass<T> {
  private decoder: ChunkDecoder | null = null;
  private bom = false;
  /** Text decoded before the header was found. */
  private head = '';
  private started: { info: ExportInfo; sink: RecordSink<T>; splitter: RecordSplitter } | null = null;

  constructor(
    private readonly source: ExportSource,
    private readonly forced: TextEncoding | null,
    private readonly makeSink: (info: ExportInfo) => RecordSink<T>,
    private readonly limits: ImportLimits,
  ) {}

  push(chunk: Buffer): void {
    if (!this.decoder) {
      const guess = sniffEncoding(chunk);
      this.bom = guess.bom;
      this.decoder = new ChunkDecoder(this.forced ?? guess.encoding);
    }
    this.text(this.decoder.decode(chunk), false);
  }

  end(): { info: ExportInfo; result: T } {
    if (!this.decoder) throw new ImportError('empty-file', 'The file is empty (0 bytes): export your connections from LinkedIn again.');
    this.text(this.decoder.end(), true);
    const { info, sink, splitter } = this.started!;
    splitter.end();
    return { info, result: sink.finish() };
  }

  private text(text: string, ended: boolean): void {
    if (this.started) {
      if (text) this.started.splitter.push(text);
      return;
    }
    this.head += text;
    const located = locateHeader(this.head, ended, this.limits);
    if (!located) {
      if (this.head.length > this.limits.maxRecordChars) throw new ImportError('no-header', 'The first lines of this file are too long to be a LinkedIn export.');
      return;
    }
    const info: ExportInfo = {
      container: this.source.container,
      entry: this.source.entry,
      archive: this.source.archive,
      bytes: this.source.bytes,
      encoding: this.decoder!.encoding,
      bom: this.bom,
      delimiter: located.delimiter,
      lineEnding: located.lineEnding,
      kind: located.header.kind,
      variant: variantOf(located),
      preamble: located.preamble,
      headerLine: located.line,
      columns: located.header.columns,
    };
    const sink = this.makeSink(info);
    const splitter = new RecordSplitter({
      delimiter: located.delimiter,
      columnCount: located.header.columns.length,
      firstLine: located.line + 1,
      limits: this.limits,
      onRecord: (r) => sink.record(r),
      onError: (e) => sink.error(e),
    });
    this.started = { info, sink, splitter };
    splitter.push(this.head.slice(located.dataOffset));
    this.head = '';
  }
}
