// The report as a person reads it at a terminal: what the file is, what each column holds, what was found where.
import { KIND_EXPLANATIONS, type FindingKind } from '../classify/findings.js';
import type { InspectReport } from './report-schema.js';

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };
const MAX_LINES_PER_KIND = 10;

export function formatReport(report: InspectReport): string {
  const { source } = report;
  const out: string[] = [];
  const where = source.container === 'zip' ? `${source.entry} from a ZIP archive` : 'a CSV file';
  out.push(`LinkedIn ${source.kind === 'linkedin-connections' ? 'connections' : 'imported contacts'} export (${source.variant} format), ${where}`);
  out.push(
    `  ${source.encoding}${source.bom ? ' with BOM' : ''}, ${DELIMITER_NAMES[source.delimiter]}-separated, ${source.lineEnding.toUpperCase()} line endings, header on line ${source.headerLine}`,
  );
  out.push(`  ${report.records} contact records, ${report.summary.contactsWithEmail} with an email address`);
  if (source.archive.length > 0) {
    out.push('', 'In the archive:');
    for (const e of source.archive) out.push(`  ${e.name}: ${e.description}`);
  }
  out.push('', 'Columns (all personal data unless marked):');
  const width = Math.max(...report.columns.map((c) => c.header.length));
  for (const c of report.columns) {
    out.push(`  ${c.header.padEnd(width)}  ${c.category.padEnd(28)} ${String(c.filled).padStart(7)} filled${c.personalData ? '' : '  (not personal data)'}`);
    out.push(`  ${''.padEnd(width)}  ${c.explanation}`);
  }
  out.push('', report.findings.length === 0 ? 'Findings: none' : 'Findings:');
  const byKind = new Map<FindingKind, InspectReport['findings']>();
  for (const f of report.findings) {
    const list = byKind.get(f.kind) ?? [];
    list.push(f);
    byKind.set(f.kind, list);
  }
  for (const [kind, list] of byKind) {
    out.push(`  ${kind} (${list.length}): ${KIND_EXPLANATIONS[kind]}`);
    for (const f of list.slice(0, MAX_LINES_PER_KIND)) out.push(`    line ${f.line}${f.column ? `, ${f.column}` : ''}: ${f.detail}`);
    if (list.length > MAX_LINES_PER_KIND) out.push(`    … and ${list.length - MAX_LINES_PER_KIND} more (use --json for all)`);
  }
  if (report.errors.length > 0) {
    out.push('', `Records that could not be read (${report.errors.length}), left out:`);
    for (const e of report.errors.slice(0, 20)) out.push(`  line ${e.line}: ${e.message}`);
    if (report.errors.length > 20) out.push(`  … and ${report.errors.length - 20} more (use --json for all)`);
  }
  if (report.notes.length > 0) out.push('', ...report.notes.map((n) => `Note: ${n}`));
  return `${out.join('\n')}\n`;
}
