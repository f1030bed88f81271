// Splits decoded text into records with the line each starts on, using papaparse's low-level parser chunk by
// chunk. A malformed record (unclosed quote, wrong field count, oversized cell) is reported and kept out, and a
// quote that swallowed the lines after it is undone: reading resumes on the next line, so nothing is merged or lost.
import Papa from 'papaparse';
import type { ImportLimits } from './limits.js';

export interface RawRecord {
  /** 1-based line on which the record starts in the source file. */
  line: number;
  cells: string[];
}

export interface RecordError {
  line: number;
  message: string;
}

export interface SplitterOptions {
  delimiter: string;
  columnCount: number;
  /** Line number of the first character handed to push(). */
  firstLine: number;
  limits: ImportLimits;
  onRecord(record: RawRecord): void;
  onError(error: RecordError): void;
}

interface StepResult {
  /** The low-level parser hands each row wrapped in a one-element array. */
  data: string[][];
  errors: { code: string }[];
  meta: { cursor: number };
}

const NL = 10;

export class RecordSplitter {
  private pending = '';
  private pendingLine: number;
  private heldCR = false;
  /** Set when a single line outgrew the record limit: text is dropped up to the next line break. */
  private skippingLine = false;

  constructor(private readonly opts: SplitterOptions) {
    this.pendingLine = opts.firstLine;
  }

  push(chunk: string): void {
    let text = chunk;
    if (this.heldCR) {
      text = '\r' + text;
      this.heldCR = false;
    }
    if (text.charCodeAt(text.length - 1) === 13) {
      // A CRLF may be split across chunks: decide on the CR when its next character is known.
      text = text.slice(0, -1);
      this.heldCR = true;
    }
    if (this.skippingLine) {
      const nl = text.search(/[\r\n]/);
      if (nl === -1) return;
      this.skippingLine = false;
      text = text.slice(nl);
    }
    this.parse(this.pending + normaliseLineBreaks(text), false);
  }

  end(): void {
    const tail = this.heldCR ? '\n' : '';
    this.heldCR = false;
    if (this.skippingLine) return;
    this.parse(this.pending + tail, true);
    this.pending = '';
  }

  private parse(text: string, final: boolean): void {
    const { delimiter, columnCount, limits, onRecord, onError } = this.opts;
    let input = text;
    let line = this.pendingLine;
    for (;;) {
      // Without a quote no record can span lines, so line counting is one per record.
      const quoted = input.indexOf('"') !== -1;
      let prev = 0;
      let restartAt = -1;
      const parser = new Papa.Parser({
        delimiter,
        newline: '\n',
        step: (result: StepResult) => {
          const end = result.meta.cursor;
          const cells = result.data[0]!;
          const start = line;
          const terminated = input.charCodeAt(end - 1) === NL;
          let embedded = 0;
          if (quoted) {
            let i = input.indexOf('\n', prev);
            const stop = terminated ? end - 1 : end;
            while (i !== -1 && i < stop) {
              embedded++;
              i = input.indexOf('\n', i + 1);
            }
          }
          line += embedded + (terminated ? 1 : 0);
          let problem: string | null = null;
          if (cells.length === 1 && cells[0]!.trim() === '') problem = ''; // a blank line: not a record, not an error
          else if (result.errors.length > 0) problem = describeQuoteError(result.errors[0]!.code);
          else if (cells.length !== columnCount) problem = `it has ${cells.length} fields where the header has ${columnCount}`;
          else if (embedded > 0 && swallowsRecords(input, prev, end, delimiter, columnCount)) {
            problem = 'a quote opened on this line is not closed before the next record';
          } else {
            for (let c = 0; c < cells.length; c++) {
              if (cells[c]!.length > limits.maxCellChars) {
                problem = `field ${c + 1} is longer than ${limits.maxCellChars} characters`;
                break;
              }
            }
          }
          if (problem === null) onRecord({ line: start, cells });
          else if (problem !== '') {
            if (embedded > 0) {
              // Undo the merge: report the first line only and read again from the line after it.
              onError({ line: start, message: `Record skipped: ${problem}; reading resumes on line ${start + 1}.` });
              restartAt = input.indexOf('\n', prev) + 1;
              line = start + 1;
              parser.abort();
              return;
            }
            onError({ line: start, message: `Record skipped: ${problem}.` });
          }
          prev = end;
        },
      });
      parser.parse(input, 0, !final);
      if (restartAt >= 0) {
        input = input.slice(restartAt);
        continue;
      }
      if (final) {
        this.pending = '';
        this.pendingLine = line;
        return;
      }
      input = input.slice(prev);
      if (input.length <= limits.maxRecordChars) {
        this.pending = input;
        this.pendingLine = line;
        return;
      }
      // An unfinished record longer than any real one: an unclosed quote (or garbage). Skip its first line.
      onError({
        line,
        message: `Record skipped: it runs on for more than ${limits.maxRecordChars} characters (a quote that is never closed?); reading resumes on line ${line + 1}.`,
      });
      const nl = input.indexOf('\n');
      if (nl === -1) {
        this.pending = '';
        this.pendingLine = line + 1;
        this.skippingLine = true;
        return;
      }
      input = input.slice(nl + 1);
      line++;
    }
  }
}

function normaliseLineBreaks(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

function describeQuoteError(code: string): string {
  if (code === 'MissingQuotes') return 'a quoted field is never closed';
  if (code === 'InvalidQuotes') return 'a field has a stray quote after its closing quote';
  return `it cannot be parsed (${code})`;
}

/**
 * Did a stray quote swallow the next line? A multi-line record is suspect when the text after its first line
 * reads, on its own, as a complete record with the header's field count: that is what a quote left open on the
 * first line does to the record after it. (A genuine quoted cell whose later lines hold exactly as many delimiters
 * as there are columns before it reads the same way; real LinkedIn cells do not, and the record is then reported,
 * not silently merged.)
 */
function swallowsRecords(input: string, from: number, to: number, delimiter: string, columnCount: number): boolean {
  const rest = input.slice(input.indexOf('\n', from) + 1, to);
  let first: StepResult | null = null;
  const parser = new Papa.Parser({
    delimiter,
    newline: '\n',
    step: (result: StepResult) => {
      first = result;
      parser.abort();
    },
  });
  parser.parse(rest, 0, false);
  const r = first as StepResult | null;
  return r !== null && r.errors.length === 0 && r.data[0]!.length === columnCount;
}
