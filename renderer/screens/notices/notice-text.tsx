// A group's privacy notice (Art. 14(1)-(2)), written by the core from its policy: shown here, saved as Markdown or
// plain text, or printed (the print style sheet in notices.css prints the notice alone).
import { useState, type FormEvent } from 'react';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { useFocusAfter } from '../../app/use-focus-after.js';
import { saveText } from '../../components/blob-url.js';
import { SelectField, TextField } from '../../components/fields.js';
import { SOURCE_KIND_LABELS } from '../../lib/labels-notices.js';
import { SOURCE_KINDS, type SourceKind } from '../../../src/shared/vocabulary.js';
import { noticeFileName } from './notice-words.js';

type SourceChoice = 'members' | SourceKind;
const SOURCE_OPTIONS: { value: SourceChoice; label: string }[] = [
  { value: 'members', label: 'As the group’s people came to us (read from their imports)' },
  ...SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABELS[k] })),
];

export function NoticeText({ groupId, label, hasBasis }: { groupId: string; label: string; hasBasis: boolean }) {
  const [source, setSource] = useState<SourceChoice>('members');
  const [version, setVersion] = useState('');
  const [text, setText] = useState<{ markdown: string; text: string } | null>(null);
  const { busy, run } = useAction();
  // The button is disabled while the notice is written: focus comes back to it.
  const focus = useFocusAfter();

  const show = async (e: FormEvent) => {
    e.preventDefault();
    const r = await focus.keep(() =>
      run('text', () => call('notices.text', { groupId, ...(source === 'members' ? {} : { source }), ...(version.trim() ? { version: version.trim() } : {}) })),
    );
    if (r) setText(r);
  };

  if (!hasBasis) {
    return (
      <section className="card" aria-labelledby="notice-text-title">
        <h4 id="notice-text-title">Privacy notice</h4>
        <p className="hint" data-testid="notice-text-unavailable">
          This group has no lawful basis yet, so its privacy notice cannot be written: give it a basis on the Groups screen first.
        </p>
      </section>
    );
  }

  return (
    <section className="card notices-text-card" aria-labelledby="notice-text-title">
      <h4 id="notice-text-title">Privacy notice for {label}</h4>
      <form className="inline-form notices-no-print" onSubmit={show} noValidate aria-label="Write the privacy notice">
        <SelectField label="Where their data came from" testId="notice-source" value={source} onChange={setSource} options={SOURCE_OPTIONS} />
        <TextField label="Version label (optional)" testId="notice-version" value={version} onChange={setVersion} hint="Printed on the notice, e.g. v2." />
        <button type="submit" className="primary" data-testid="show-notice" disabled={busy !== null}>
          {text ? 'Write it again' : 'Show the notice'}
        </button>
      </form>
      <p className="hint notices-no-print">
        The notice names the controller and its contact, which an admin records first. A group holding people from two sources needs one notice per
        source.
      </p>
      {text ? (
        <>
          <div className="actions notices-no-print">
            <button type="button" data-testid="save-notice-markdown" onClick={() => saveText(noticeFileName(label, 'md'), text.markdown, 'text/markdown')}>
              Save as Markdown
            </button>
            <button type="button" data-testid="save-notice-text" onClick={() => saveText(noticeFileName(label, 'txt'), text.text, 'text/plain')}>
              Save as plain text
            </button>
            <button type="button" data-testid="print-notice" onClick={() => window.print()}>
              Print
            </button>
          </div>
          <div className="notices-text-scroll" role="region" aria-label={`The privacy notice for ${label}`} tabIndex={0}>
            <pre className="notices-text" data-testid="notice-text">
              {text.text}
            </pre>
          </div>
        </>
      ) : null}
    </section>
  );
}
