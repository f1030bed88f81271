// Import: give the file, see the verdict first (what it is, how many people, what the commit will add, update or skip,
// what is stored, what needs a decision), decide on special-category hints person by person, choose what to leave
// out, commit. Nothing is stored until then; the technical facts of the file are folded away at the end.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { call, onProgress } from '../api.js';
import { useAction } from '../app/use-action.js';
import { useDebounced } from '../app/use-debounced.js';
import { byTestId, useFocusAfter } from '../app/use-focus-after.js';
import { DropZone } from '../components/drop-zone.js';
import { TextField } from '../components/fields.js';
import { ProgressBar } from '../components/progress-bar.js';
import { ScreenHeading } from '../components/screen-heading.js';
import { commitRequest, hintLines, predictionKey, previewRequest, suggestedStrips, type ImportChoices, type ImportPreview } from '../lib/import-view.js';
import type { CommitReport } from '../types.js';
import { ArchiveEntries } from './import/archive-entries.js';
import { ColumnsTable } from './import/columns-table.js';
import { CommitSummary } from './import/commit-summary.js';
import { FindingsPanel } from './import/findings-panel.js';
import type { Highlight } from './import/highlight.js';
import { HintDecisions } from './import/hint-decisions.js';
import { MinimiseChoices } from './import/minimise-choices.js';
import { RecordErrors, SourceFacts } from './import/source-facts.js';
import { Verdict } from './import/verdict.js';
import './import/import.css';
import { count } from '../lib/format.js';

interface Preview {
  path: string;
  entry: string | null;
  value: ImportPreview;
  /** predictionKey of the choices `value.predicted` was counted for. */
  countedFor: string;
}

const NO_CHOICES: ImportChoices = { dropColumns: [], strip: [], onDuplicate: 'skip', lineChoices: {} };

export function ImportScreen() {
  const [path, setPath] = useState('');
  const [reading, setReading] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [choices, setChoices] = useState<ImportChoices>(NO_CHOICES);
  const [progress, setProgress] = useState<{ task: string; done: number; total: number } | null>(null);
  const [result, setResult] = useState<CommitReport | null>(null);
  const [highlight, setHighlight] = useState<Highlight | null>(null);
  const { busy, run } = useAction();
  // The control that started a reading, a commit or a new start is removed or disabled by it: focus goes on to what
  // it brought (the verdict, the summary, the empty path field), never to the page's body.
  const focus = useFocusAfter();
  // Each reading is numbered: an answer for a file the user has since replaced is dropped.
  const generation = useRef(0);

  useEffect(() => onProgress((p) => setProgress({ task: p.task, done: p.done, total: p.total })), []);

  const hints = preview ? hintLines(preview.value.report.findings) : [];
  const key = predictionKey(choices, hints);
  const settledKey = useDebounced(key, 300);
  const stale = preview !== null && preview.countedFor !== key;
  const predictedNow = preview ? preview.value.predicted[choices.onDuplicate] : null;
  const nothingToStore = predictedNow !== null && predictedNow.added + predictedNow.updated === 0;

  const doPreview = async (target: string, entry: string | null = null) => {
    const file = target.trim();
    if (!file) return;
    const mine = ++generation.current;
    // The previous preview (or summary) goes at once: what is shown is never another file's.
    setPath(file);
    setPreview(null);
    setResult(null);
    setHighlight(null);
    setChoices(NO_CHOICES);
    setProgress(null);
    setReading(file);
    const r = await run(
      'preview',
      () => call('import.preview', previewRequest(file, entry, null)),
      (v) => `Preview ready: ${v.report.records.toLocaleString('en-GB')} records read. Nothing has been stored yet.`,
    );
    if (mine !== generation.current) return;
    setReading(null);
    setProgress(null);
    if (!r) {
      focus.ifLost(byTestId('preview-button'), byTestId('import-path'));
      return;
    }
    const suggested: ImportChoices = { dropColumns: [], strip: suggestedStrips(r.report.summary.byKind), onDuplicate: 'skip', lineChoices: {} };
    // The first answer counted with no choices; the suggested strips only change the counts of fragments cut.
    setPreview({ path: file, entry: r.report.source.container === 'zip' ? r.report.source.entry : null, value: r, countedFor: predictionKey(NO_CHOICES, hintLines(r.report.findings)) });
    setChoices(suggested);
    // An archive entry chosen by its radio button keeps its place (the radio is drawn again, checked); else the verdict.
    focus.to(entry !== null ? byTestId(`entry-${entry}`) : null, '#verdict-title');
  };

  // Counted again, by the core, whenever a choice that changes the counts settles.
  useEffect(() => {
    if (!preview || preview.countedFor === settledKey || settledKey !== key || busy !== null) return;
    const mine = generation.current;
    const asked = key;
    void run('recount', () => call('import.preview', previewRequest(preview.path, preview.entry, choices, hints))).then((r) => {
      if (!r || mine !== generation.current) return;
      setPreview((p) => (p ? { ...p, value: r, countedFor: asked } : p));
    });
  }, [settledKey, preview?.countedFor, busy]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void doPreview(path);
  };

  const commit = async () => {
    if (!preview) return;
    setProgress({ task: 'import.commit', done: 0, total: preview.value.report.records });
    const req = commitRequest(preview.path, choices, preview.value.sha256, preview.entry, hints);
    const r = await run('commit', () => call('import.commit', req), (v) => `Import committed: ${count(v.added, 'contact')} added.`);
    setProgress(null);
    if (r) setResult(r);
    // The summary's heading; when the commit failed or was cancelled, the commit button again.
    focus.to(r ? '#summary-title' : null, byTestId('commit-button'));
  };

  const reset = () => {
    generation.current++;
    setPreview(null);
    setResult(null);
    setPath('');
    setHighlight(null);
    focus.to(byTestId('import-path'));
  };

  const report = preview?.value.report;
  return (
    <section aria-labelledby="import-title" className="screen import-screen">
      <ScreenHeading>
        <span id="import-title">Import a LinkedIn export</span>
      </ScreenHeading>
      <p className="lede">Nothing is stored until you commit: first see what the file holds and what the commit would do, then decide.</p>
      <DropZone onPath={(p) => void doPreview(p)} disabled={busy === 'commit' || busy === 'preview'} />
      <form className="inline-form" onSubmit={onSubmit}>
        <TextField label="File path" testId="import-path" value={path} onChange={setPath} hint="The path of Connections.csv or of the archive .zip" />
        <button type="submit" className="primary" data-testid="preview-button" disabled={busy === 'commit' || busy === 'preview' || !path.trim()} aria-busy={busy === 'preview'}>
          {busy === 'preview' ? 'Reading…' : 'Preview'}
        </button>
      </form>
      {reading ? (
        <div className="reading" data-testid="preview-reading" role="status">
          <ProgressBar
            label={`Reading ${reading.split(/[\\/]/).pop() ?? reading}`}
            done={progress?.task === 'import.preview' ? progress.done : 0}
            total={progress?.task === 'import.preview' ? progress.total : 1}
            testId="preview-progress"
          />
        </div>
      ) : null}

      {preview && report && !result ? (
        <div data-testid="import-preview" className="preview">
          <Verdict preview={preview.value} choices={choices} recounting={stale} />
          <ArchiveEntries source={report.source} disabled={busy !== null} onChoose={(entry) => void doPreview(preview.path, entry)} />
          <HintDecisions
            findings={report.findings}
            lines={preview.value.lines}
            choices={choices}
            onDecide={(line, decision) => setChoices((c) => ({ ...c, lineChoices: { ...c.lineChoices, [line]: decision } }))}
          />
          <FindingsPanel findings={report.findings} lines={preview.value.lines} highlight={highlight} onHighlight={setHighlight} />
          {preview.value.linesLeftOut > 0 ? (
            <p className="hint" data-testid="lines-left-out">
              {preview.value.linesLeftOut.toLocaleString('en-GB')} more lines with findings are counted but not listed here; their special-category hints follow the choice for all of them below.
            </p>
          ) : null}
          <RecordErrors errors={report.errors} />
          <MinimiseChoices choices={choices} byKind={report.summary.byKind} onChange={setChoices} />
          <ColumnsTable
            columns={report.columns}
            records={report.records}
            dropColumns={choices.dropColumns}
            highlightColumn={highlight?.column ?? null}
            onToggleDrop={(header, drop) =>
              setChoices((c) => ({ ...c, dropColumns: drop ? [...c.dropColumns.filter((h) => h !== header), header] : c.dropColumns.filter((h) => h !== header) }))
            }
          />
          <section className="card" aria-labelledby="commit-title">
            <h3 id="commit-title">Commit</h3>
            <p data-testid="commit-prediction">
              {stale || busy === 'recount'
                ? 'Counting again with your choices…'
                : `${preview.value.predicted[choices.onDuplicate].added.toLocaleString('en-GB')} contacts will be added and ${preview.value.predicted[choices.onDuplicate].updated.toLocaleString('en-GB')} updated, encrypted${choices.dropColumns.length ? `, without ${choices.dropColumns.join(', ')}` : ''}. New contacts stay quarantined until their group has a lawful basis.`}
            </p>
            <button
              type="button"
              className="primary"
              data-testid="commit-button"
              disabled={busy !== null || stale || nothingToStore}
              aria-describedby={nothingToStore ? 'nothing-to-store' : undefined}
              aria-busy={busy === 'commit'}
              onClick={() => void commit()}
            >
              {busy === 'commit' ? 'Committing…' : 'Commit the import'}
            </button>
            {nothingToStore && !stale ? (
              <p className="hint" id="nothing-to-store" data-testid="nothing-to-store">
                Nothing to import: with these choices no contact would be added or updated (everyone is already in the vault, refused, or the file holds no one).
              </p>
            ) : null}
            {busy === 'commit' ? (
              <>
                <ProgressBar label="Storing the contacts" done={progress?.task === 'import.commit' ? progress.done : 0} total={progress?.total ?? report.records} testId="commit-progress" />
                {/* The core stops between two chunks and rolls the whole import back: nothing is stored. */}
                <button type="button" data-testid="commit-cancel" onClick={() => void call('task.cancel', {})}>
                  Cancel the import
                </button>
              </>
            ) : null}
          </section>
          <SourceFacts report={report} sha256={preview.value.sha256} />
        </div>
      ) : null}
      {result ? <CommitSummary result={result} onAnother={reset} /> : null}
    </section>
  );
}
