// CRM export (data owners): choose the purpose, channels, fields and recipient; preview who would be included and who
// held back and why (export.preview records nothing); then export: the CSV is saved and the disclosure recorded.
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { call } from '../api.js';
import { useAction } from '../app/use-action.js';
import { saveText } from '../components/blob-url.js';
import { CopyId } from '../components/copy-id.js';
import { ScreenHeading } from '../components/screen-heading.js';
import { count, isoDay } from '../lib/format.js';
import { PURPOSE_LABELS } from '../lib/labels.js';
import type { ScreenProps } from '../lib/nav.js';
import { draftErrors, EMPTY_DRAFT, ExportOptions, previewRequest, type DraftErrors, type ExportDraft } from './export/export-options.js';
import { PreviewPanel, withheldWords } from './export/export-preview.js';
import type { ExportPreview, ExportResult, RecipientView } from './records/records-types.js';
import './export/export.css';

/** The file's name: purpose and day, so two exports of a day for different purposes do not collide. */
const fileName = (d: ExportDraft, at: string) => `crm-export-${d.purpose}${d.noticeRun ? '-notice-run' : ''}-${isoDay(at)}.csv`;

export function ExportScreen({ navigate }: ScreenProps) {
  const [draft, setDraft] = useState<ExportDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [recipients, setRecipients] = useState<RecipientView[] | null>(null);
  const [preview, setPreview] = useState<{ key: string; value: ExportPreview } | null>(null);
  const [result, setResult] = useState<{ value: ExportResult; recipient: string; file: string } | null>(null);
  const { busy, run } = useAction();

  const load = useCallback(async () => {
    const r = await run('recipients', () => call('recipients.list', {}));
    setRecipients(r ?? []);
  }, [run]);
  useEffect(() => {
    void load();
  }, [load]);

  const key = useMemo(() => JSON.stringify(previewRequest(draft)), [draft]);
  const stale = preview !== null && preview.key !== key;

  const change = (next: ExportDraft) => {
    setDraft(next);
    // A problem once shown follows the person's fixes: cleared as each is fixed, never new ones before the next try.
    const now = draftErrors(next, errors.recipientId !== undefined);
    setErrors(Object.fromEntries(Object.entries(now).filter(([k]) => k in errors)));
  };

  const doPreview = async (e: FormEvent) => {
    e.preventDefault();
    const problems = draftErrors(draft, false);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const request = previewRequest(draft);
    const r = await run('preview', () => call('export.preview', request), (p) => `Preview: ${count(p.included, 'person', 'people')} would be exported, ${count(p.excludedTotal, 'person', 'people')} held back.`);
    if (r) setPreview({ key: JSON.stringify(request), value: r });
  };

  const doExport = async () => {
    const problems = draftErrors(draft, true);
    setErrors(problems);
    if (Object.keys(problems).length > 0 || !preview || stale) return;
    const recipient = recipients?.find((x) => x.id === draft.recipientId)?.name ?? '';
    const r = await run('export', () => call('export.crm', { ...previewRequest(draft), recipientId: draft.recipientId }), (v) => `Exported ${count(v.included, 'person', 'people')} to ${recipient}; the disclosure is recorded.`);
    if (!r) return;
    const file = fileName(draft, new Date().toISOString());
    saveText(file, r.csv, 'text/csv');
    setResult({ value: r, recipient, file });
    setPreview(null);
    void load();
  };

  const blocked = !preview
    ? 'Preview first: see who would be included and held back before anything leaves the vault.'
    : stale
      ? 'The options changed since the preview: preview again.'
      : preview.value.included === 0
        ? 'Nobody would be exported with these options: there is nothing to send (the preview says why each is held back).'
        : null;

  return (
    <section aria-labelledby="export-title" className="screen export-screen">
      <ScreenHeading>
        <span id="export-title">CRM export</span>
      </ScreenHeading>
      <p className="lede">
        Export contacts for one purpose and channels to a registered recipient. Only people with a lawful basis for the purpose are included; preview who is included and who is held back, and why,
        before anything leaves the vault. Each export is recorded as a disclosure.
      </p>
      <form className="form card" onSubmit={doPreview} noValidate aria-labelledby="export-options-title" data-testid="export-form">
        <h3 id="export-options-title">What to export, and to whom</h3>
        <ExportOptions draft={draft} errors={errors} recipients={recipients} onChange={change} onRegister={() => navigate('records')} />
        <div className="actions">
          <button type="submit" data-testid="export-preview-button" disabled={busy !== null}>
            Preview
          </button>
          <button type="button" className="primary" data-testid="export-button" aria-disabled={blocked !== null || busy !== null} aria-describedby={blocked ? 'export-blocked' : undefined} onClick={() => blocked === null && busy === null && void doExport()}>
            Export and save the CSV
          </button>
          {blocked ? (
            <span className="hint" id="export-blocked" data-testid="export-blocked">
              {blocked}
            </span>
          ) : null}
        </div>
      </form>
      {preview ? <PreviewPanel preview={preview.value} stale={stale} /> : null}
      {result ? <ExportDone result={result.value} recipient={result.recipient} file={result.file} purpose={draft.purpose} /> : null}
    </section>
  );
}

function ExportDone({ result, recipient, file, purpose }: { result: ExportResult; recipient: string; file: string; purpose: ExportDraft['purpose'] }) {
  const withheld = withheldWords({ emailsWithheld: result.emailsWithheld.length, profilesWithheld: result.profilesWithheld.length, fieldsWithheld: result.fieldsWithheld.length });
  return (
    <section className="card success-card" aria-labelledby="export-done-title" data-testid="export-result">
      <h3 id="export-done-title">Exported</h3>
      <p data-testid="export-result-summary">
        {count(result.included, 'person', 'people')} exported to {recipient} for {PURPOSE_LABELS[purpose].toLowerCase()}; {count(result.excludedTotal, 'person', 'people')} held back.
        {withheld ? ` Left empty: ${withheld}.` : ''}
      </p>
      <p>
        Saved as <span className="mono">{file}</span>.{' '}
        <button type="button" className="link-button" data-testid="export-save-again" onClick={() => saveText(file, result.csv, 'text/csv')}>
          Save the file again
        </button>
      </p>
      <p data-testid="export-disclosure">
        Disclosure recorded <CopyId id={result.disclosureId} what="disclosure id" />
      </p>
      <p className="hint">The disclosures log on the Records screen lists this export; an erasure or correction later tells you to inform {recipient}.</p>
      {result.notes.length > 0 ? (
        <ul className="notes" data-testid="export-notes" aria-label="Notes on this export">
          {result.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
