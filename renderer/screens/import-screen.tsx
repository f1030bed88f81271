// Import: give the file, preview what it holds (nothing is stored yet), choose what to leave out, commit.
import { useEffect, useState, type FormEvent } from 'react';
import { call, onProgress } from '../api.js';
import { useAction } from '../app/use-action.js';
import { DropZone } from '../components/drop-zone.js';
import { TextField } from '../components/fields.js';
import { ProgressBar } from '../components/progress-bar.js';
import { ScreenHeading } from '../components/screen-heading.js';
import { commitRequest, suggestedStrips, type ImportChoices } from '../lib/import-view.js';
import type { CommitReport, InspectReport } from '../types.js';
import { ColumnsTable } from './import/columns-table.js';
import { CommitSummary } from './import/commit-summary.js';
import { FindingsPanel } from './import/findings-panel.js';
import type { Highlight } from './import/highlight.js';
import { MinimiseChoices } from './import/minimise-choices.js';
import { RecordErrors, SourceFacts } from './import/source-facts.js';

interface Preview {
  path: string;
  report: InspectReport;
  sha256: string;
}

export function ImportScreen() {
  const [path, setPath] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [choices, setChoices] = useState<ImportChoices>({ dropColumns: [], strip: [], onDuplicate: 'skip' });
  const [progress, setProgress] = useState<{ task: string; done: number; total: number } | null>(null);
  const [result, setResult] = useState<CommitReport | null>(null);
  const [highlight, setHighlight] = useState<Highlight | null>(null);
  const { busy, run } = useAction();

  useEffect(() => onProgress((p) => setProgress({ task: p.task, done: p.done, total: p.total })), []);

  const doPreview = async (target: string) => {
    const file = target.trim();
    if (!file) return;
    setPath(file);
    setResult(null);
    setHighlight(null);
    setProgress(null);
    const r = await run('preview', () => call('import.preview', { path: file }), (v) => `Preview ready: ${v.report.records} records read. Nothing has been stored yet.`);
    setProgress(null);
    if (!r) return;
    setPreview({ path: file, report: r.report, sha256: r.sha256 });
    setChoices({ dropColumns: [], strip: suggestedStrips(r.report.summary.byKind), onDuplicate: 'skip' });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void doPreview(path);
  };

  const commit = async () => {
    if (!preview) return;
    setProgress({ task: 'import.commit', done: 0, total: preview.report.records });
    const req = commitRequest(preview.path, choices, preview.sha256, preview.report.source.container === 'zip' ? preview.report.source.entry : null);
    const r = await run('commit', () => call('import.commit', req), (v) => `Import committed: ${v.added} contacts added.`);
    setProgress(null);
    if (r) setResult(r);
  };

  const reset = () => {
    setPreview(null);
    setResult(null);
    setPath('');
    setHighlight(null);
  };

  return (
    <section aria-labelledby="import-title" className="screen">
      <ScreenHeading>
        <span id="import-title">Import a LinkedIn export</span>
      </ScreenHeading>
      <p className="lede">Nothing is stored until you commit: first see what the file holds, then choose what to leave out.</p>
      <DropZone onPath={(p) => void doPreview(p)} disabled={busy !== null} />
      <form className="inline-form" onSubmit={onSubmit}>
        <TextField label="File path" testId="import-path" value={path} onChange={setPath} hint="The path of Connections.csv or of the archive .zip" />
        <button type="submit" className="primary" data-testid="preview-button" disabled={busy !== null || !path.trim()} aria-busy={busy === 'preview'}>
          {busy === 'preview' ? 'Reading…' : 'Preview'}
        </button>
      </form>
      {busy === 'preview' && progress?.task === 'import.preview' ? <ProgressBar label="Reading the file" done={progress.done} total={progress.total} testId="preview-progress" /> : null}

      {preview && !result ? (
        <div data-testid="import-preview" className="preview">
          <SourceFacts report={preview.report} sha256={preview.sha256} />
          <ColumnsTable
            columns={preview.report.columns}
            records={preview.report.records}
            dropColumns={choices.dropColumns}
            highlightColumn={highlight?.column ?? null}
            onToggleDrop={(header, drop) =>
              setChoices((c) => ({ ...c, dropColumns: drop ? [...c.dropColumns.filter((h) => h !== header), header] : c.dropColumns.filter((h) => h !== header) }))
            }
          />
          <FindingsPanel findings={preview.report.findings} highlight={highlight} onHighlight={setHighlight} />
          <RecordErrors errors={preview.report.errors} />
          <MinimiseChoices choices={choices} byKind={preview.report.summary.byKind} onChange={setChoices} />
          <section className="card" aria-labelledby="commit-title">
            <h3 id="commit-title">Commit</h3>
            <p>
              {preview.report.records.toLocaleString('en-GB')} records will be encrypted into the vault
              {choices.dropColumns.length ? `, without ${choices.dropColumns.join(', ')}` : ''}. New contacts stay quarantined until their group has a lawful basis.
            </p>
            <button type="button" className="primary" data-testid="commit-button" disabled={busy !== null} aria-busy={busy === 'commit'} onClick={() => void commit()}>
              {busy === 'commit' ? 'Committing…' : 'Commit the import'}
            </button>
            {busy === 'commit' ? (
              <>
                <ProgressBar label="Storing the contacts" done={progress?.task === 'import.commit' ? progress.done : 0} total={progress?.total ?? preview.report.records} testId="commit-progress" />
                {/* The core stops between two chunks and rolls the whole import back: nothing is stored. */}
                <button type="button" data-testid="commit-cancel" onClick={() => void call('task.cancel', {})}>
                  Cancel the import
                </button>
              </>
            ) : null}
          </section>
        </div>
      ) : null}
      {result ? <CommitSummary result={result} onAnother={reset} /> : null}
    </section>
  );
}
