// One destruction certificate read as its text (certificates.show), for a DPO's file: saved as text or JSON, or
// printed (retention.css prints this panel alone). Ids are shown as ids; counts per group name the group, one a line.
import { useEffect, useRef } from 'react';
import { saveText } from '../../components/blob-url.js';
import { count, timestamp } from '../../lib/format.js';
import type { Certificate } from '../../types.js';
import { groupLineText, groupLines } from './due-words.js';

export interface ShownCertificate {
  certificate: Certificate;
  text: string;
}

export function CertificateView({ shown, groupLabel, onClose }: { shown: ShownCertificate; groupLabel(id: string | null): string; onClose(): void }) {
  const { certificate: c, text } = shown;
  const heading = useRef<HTMLHeadingElement>(null);
  const lines = groupLines(c.destroyed.byGroup, groupLabel);
  // Keyboard and screen-reader users land on the certificate they asked for.
  useEffect(() => heading.current?.focus(), [c.id]);
  return (
    <section className="certificate-view" aria-labelledby="certificate-view-title" data-testid="certificate-view">
      <h4 id="certificate-view-title" ref={heading} tabIndex={-1}>
        {c.kind === 'erasure' ? 'Certificate of erasure' : 'Certificate of scheduled destruction'}, issued {timestamp(c.issuedAt)}
      </h4>
      <div className="certificate-no-print certificate-summary">
        <p className="hint" data-testid="certificate-summary">
          {count(c.destroyed.total, 'contact record')} destroyed{lines.length > 0 ? ':' : '.'}
        </p>
        {lines.length > 0 ? (
          <ul className="certificate-groups" data-testid="certificate-groups">
            {lines.map((line) => (
              <li key={line.groupId ?? 'none'} data-testid="certificate-group">
                {groupLineText(line)}
              </li>
            ))}
          </ul>
        ) : null}
        <p className="hint">The text below is the certificate as filed; it names groups and members by id.</p>
      </div>
      {/* The certificate as a document (read, printed, saved, named by its id): its number and ids are part of it, so
          printed here, unlike every other screen, where an id is a button that copies it (components/copy-id.tsx). */}
      <pre className="certificate-text" data-testid="certificate-text" tabIndex={0} aria-label="Certificate text">
        {text}
      </pre>
      <div className="actions certificate-no-print">
        <button type="button" className="primary" data-testid="certificate-print" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" data-testid="certificate-save-text" onClick={() => saveText(`certificate-${c.id}.txt`, text, 'text/plain')}>
          Save as text
        </button>
        <button type="button" data-testid="certificate-save-json" onClick={() => saveText(`certificate-${c.id}.json`, JSON.stringify(c, null, 2))}>
          Save as JSON
        </button>
        <button type="button" data-testid="certificate-close" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  );
}
