// CSV output that a spreadsheet opens as text: every cell defended against formula (CSV) injection, quoted per
// RFC 4180, with a UTF-8 byte order mark so Excel reads accents. Pure: strings in, a string out.

/**
 * OWASP CSV Injection: a cell that starts with `=`, `+`, `-`, `@`, tab (0x09) or carriage return (0x0D) may be run
 * as a formula. Line feed (0x0A) is added: some spreadsheets start a formula after it too.
 */
const STARTS_WITH_TRIGGER = /^[=+\-@\t\r\n]/;
/**
 * Some spreadsheets (and CRM importers) trim leading spaces before reading a cell, so ` =1` can become `=1`:
 * leading whitespace (any Unicode whitespace, including no-break spaces) followed by a trigger counts as a trigger.
 */
const TRIGGER_AFTER_WHITESPACE = /^\s+[=+\-@]/u;

/** The byte order mark: without it Excel reads a UTF-8 CSV as the local code page and mangles 'Zoë' and '李'. */
export const UTF8_BOM = '\uFEFF';
/** RFC 4180 line break. */
export const CRLF = '\r\n';

/**
 * A cell a spreadsheet shows as text: when it starts with a formula trigger (possibly after leading whitespace)
 * a single quote is put in front, which spreadsheets read as "this is text" and do not display. The price is that
 * honest values such as '-dash Ltd' or '+44 20 7946 0000' also get the quote (a CRM import keeps it literally):
 * we cannot tell them apart from an attack, so safety wins. Anything else is returned unchanged.
 */
export function neutraliseCell(value: string): string {
  return STARTS_WITH_TRIGGER.test(value) || TRIGGER_AFTER_WHITESPACE.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field: neutralised, always quoted, inner double quotes doubled. */
function field(value: string): string {
  return `"${neutraliseCell(value).replace(/"/g, '""')}"`;
}

/**
 * An RFC 4180 CSV: the UTF-8 BOM, then the header and the rows, every cell neutralised (neutraliseCell) and
 * quoted, so commas, quotes and line breaks inside a cell stay inside it; CRLF after every record, including the
 * last. A row whose length differs from the header's is a programming error: RangeError.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((cells, i) => {
    if (cells.length !== header.length) {
      throw new RangeError(`CSV row ${i} has ${cells.length} cells; the header has ${header.length}`);
    }
    return cells.map(field).join(',');
  });
  return UTF8_BOM + lines.map((line) => line + CRLF).join('');
}
