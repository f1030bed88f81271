// An importer's preview: the inspection report of the file and its SHA-256, so that the commit can insist on the
// very bytes that were previewed. Nothing from the file is stored; the audit log records the hash and the count.
import { inspectExport } from '../../report/inspect.js';
import type { InspectReport } from '../../report/report-schema.js';
import type { Session } from '../../vault/session.js';
import { sha256File } from './commit-import.js';

export async function previewImport(
  session: Session,
  path: string,
  options: { entry?: string; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ report: InspectReport; sha256: string }> {
  session.assertUnlocked();
  const report = await inspectExport(path, { entry: options.entry, onProgress: options.onProgress });
  const sha256 = await sha256File(path);
  return session.perform('import-preview', () => ({ value: { report, sha256 }, details: { sha256, records: report.records } }));
}
