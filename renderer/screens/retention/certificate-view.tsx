// One destruction certificate read as its text (certificates.show), for a DPO's file: saved as text or JSON, or
// printed (retention.css prints this panel alone). Ids are shown as ids; counts per group name the group.
import { useEffect, useRef } from 'react';
import { saveText } from '../../components/blob-url.js';
import { timestamp } from '../../lib/format.js';
import type { Certificate } from '../../types.js';

export interface ShownCertificate {
  certificate: Certificate;
  text: string;
}

export function CertificateView({ shown, groupLabel, onClose }: { shown: ShownCertificate; groupLabel(id: string | null): string; onClose(): void }) {
  const { certificate: c, text } = shown;
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on the certificate they asked for.
  useEffect(() => heading.current?.focus(), [c.id]);
  return (
    <section className="certificate-view" aria-labelledby="certificate-view-title" data-testid="certificate-view">
      <h4 id="certificate-view-title" ref={heading} tabIndex={-1}>
        {c.kind === 'erasure' ? 'Certificate of erasure' : 'Certificate of scheduled destruction'}, issued {timestamp(c.issuedAt)}
      </h4>
      <p className="hint certificate-no-print">
        {c.destroyed.total.toLocaleString('en-GB')} contact record{c.destroyed.total === 1 ? '' : 's'} destroyed
        {c.destroyed.byGroup.length > 0 ? `: ${c.destroyed.byGroup.map((g) => `${groupLabel(g.groupId)} ${g.count.toLocaleString('en-GB')}`).join(', ')}` : ''}. The text below is the
        certificate as filed; it names groups and members by id.
      </p>
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
