// Finds the header row by its column names, not by a fixed offset: LinkedIn puts a "Notes:" preamble of varying
// length above it (sometimes quoted and wrapped), and Excel re-saves change the delimiter.
import { recogniseImportHeader, recogniseOtherLinkedInFile, type RecognisedHeader } from './formats.js';
import { ImportError } from './import-error.js';
import type { ImportLimits } from './limits.js';

export type Delimiter = ',' | ';' | '\t';
const DELIMITERS: Delimiter[] = [',', ';', '\t'];

export interface LocatedHeader {
  header: RecognisedHeader;
  delimiter: Delimiter;
  /** 1-based line of the header row. */
  line: number;
  /** Character offset just past the header row's line break: where records start. */
  dataOffset: number;
  /** Non-blank lines stand above the header. */
  preamble: boolean;
  lineEnding: 'lf' | 'crlf' | 'cr';
}

/** Split one line into cells, honouring double quotes; enough for a header row, which never spans lines. */
export function splitLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/**
 * Look for the header in the text decoded so far. Returns null when more text is needed (no line break yet within
 * the search window and the input has not ended); throws a clear ImportError when the file is something else.
 */
export function locateHeader(text: string, ended: boolean, limits: ImportLimits): LocatedHeader | null {
  const lineBreak = /\r\n|\n|\r/g;
  let start = 0;
  let line = 1;
  let preamble = false;
  let firstLineCells = 0;
  while (line <= limits.maxHeaderSearchLines) {
    lineBreak.lastIndex = start;
    const m = lineBreak.exec(text);
    if (!m && !ended) return null;
    const end = m ? m.index : text.length;
    const content = text.slice(start, end);
    const next = m ? end + m[0].length : text.length;
    if (content.trim() !== '') {
      for (const delimiter of DELIMITERS) {
        if (!content.includes(delimiter)) continue;
        const cells = splitLine(content, delimiter);
        if (cells.length > limits.maxColumns) {
          throw new ImportError('too-many-columns', `Line ${line} has ${cells.length} columns; a LinkedIn export has fewer than ${limits.maxColumns}.`);
        }
        const header = recogniseImportHeader(cells);
        if (header) {
          const lineEnding = !m ? 'lf' : m[0] === '\r\n' ? 'crlf' : m[0] === '\r' ? 'cr' : 'lf';
          return { header, delimiter, line, dataOffset: next, preamble, lineEnding };
        }
        const other = recogniseOtherLinkedInFile(cells);
        if (other) {
          throw new ImportError(
            'not-connections',
            `This is ${other.file} from a LinkedIn archive (${other.what}), not your connections. Choose Connections.csv, or drop the whole archive ZIP.`,
          );
        }
      }
      if (firstLineCells === 0) firstLineCells = Math.max(...DELIMITERS.map((d) => splitLine(content, d).length));
      preamble = true;
    }
    if (!m) break;
    start = next;
    line++;
  }
  if (text.trim() === '') throw new ImportError('empty-file', 'The file holds no text: export your connections from LinkedIn again.');
  throw new ImportError(
    'not-connections',
    `This is not a LinkedIn connections export: no header row with First Name, Last Name and Connected On was found in its first ${Math.min(line, limits.maxHeaderSearchLines)} lines` +
      (firstLineCells > 1 ? ` (its first line has ${firstLineCells} columns).` : '.'),
  );
}
