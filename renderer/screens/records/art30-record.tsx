// The record of processing activities (Art. 30(1)) as the core builds it (report.art30), shown readably, saved as
// Markdown or CSV, or printed (records.css hides everything but the record on paper).
import { useEffect, useState } from 'react';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { saveText } from '../../components/blob-url.js';
import { isoDay } from '../../lib/format.js';
import { MarkdownView } from './markdown-view.js';

export function Art30Record({ version }: { version: number }) {
  const [record, setRecord] = useState<{ markdown: string; csv: string; at: string } | null>(null);
  const { busy, run } = useAction();

  useEffect(() => {
    void run('record', () => call('report.art30', {})).then((r) => r && setRecord({ ...r, at: new Date().toISOString() }));
  }, [run, version]);

  const name = (ext: string) => `records-of-processing-${isoDay(record?.at)}.${ext}`;
  return (
    <section className="card records-record" aria-labelledby="records-record-title" aria-busy={busy === 'record'} data-testid="art30-record">
      <h3 id="records-record-title">Record of processing activities</h3>
      <div className="actions records-controls">
        <button type="button" data-testid="art30-save-markdown" disabled={!record} onClick={() => record && saveText(name('md'), record.markdown, 'text/markdown')}>
          Save as Markdown
        </button>
        <button type="button" data-testid="art30-save-csv" disabled={!record} onClick={() => record && saveText(name('csv'), record.csv, 'text/csv')}>
          Save as CSV
        </button>
        <button type="button" data-testid="art30-print" disabled={!record} onClick={() => window.print()}>
          Print
        </button>
        {!record ? <span className="hint">{busy === 'record' ? 'Building the record…' : 'The record could not be built: see the message above.'}</span> : null}
      </div>
      {record ? <MarkdownView markdown={record.markdown} testId="art30-view" /> : null}
    </section>
  );
}
