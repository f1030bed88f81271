// One contact: every field held, its group and lawful basis, when it is destroyed, and the two requests a person
// can make about it: subject access (Art. 15, a JSON download) and erasure (Art. 17, with a certificate).
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { useBlobUrl } from '../../components/blob-url.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { CopyId } from '../../components/copy-id.js';
import { day, longDay } from '../../lib/format.js';
import { basisLabel, EMAIL_KIND_LABELS, humanise, PURPOSE_LABELS } from '../../lib/labels.js';
import { specialCategoryHintsText } from '../../../src/shared/special-category-hints.js';
import type { ContactView, GroupView } from '../../types.js';

export function ContactDetail({
  contact: listed,
  group,
  canErase,
  onClose,
  onErased,
}: {
  contact: ContactView;
  group: GroupView | null;
  canErase: boolean;
  onClose(): void;
  onErased(): void;
}) {
  const [contact, setContact] = useState<ContactView>(listed);
  const [access, setAccess] = useState<{ json: string; csv: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [erased, setErased] = useState<{ certificateId: string; issuedAt: string; suppressionId: string; recipients: string[]; unlogged: number } | null>(null);
  const [objecting, setObjecting] = useState(false);
  const [objected, setObjected] = useState<string | null>(null);
  const { busy, run } = useAction();
  const jsonUrl = useBlobUrl(access?.json ?? null, 'application/json');
  const csvUrl = useBlobUrl(access?.csv ?? null, 'text/csv');

  // Fresh from the vault (opening one record is audited as such).
  useEffect(() => {
    let live = true;
    call('contacts.show', { contactId: listed.id })
      .then((c) => live && setContact(c))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [listed.id]);

  // Opened, the detail takes the focus (a drawer over the table at narrow widths); Escape closes it.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [listed.id]);
  const closeOnEscape = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !confirming && !objecting) {
      e.stopPropagation();
      onClose();
    }
  };

  const name = `${contact.firstName} ${contact.lastName}`.trim() || '(no name)';
  const policy = group?.policy?.policy ?? null;

  const exportAccess = async () => {
    const r = await run('access', () => call('contacts.access', { contactId: contact.id }), 'The subject access export is ready to download.');
    if (r) setAccess(r);
  };

  const erase = async () => {
    const r = await run('erase', () => call('contacts.erase', { contactId: contact.id }), `${name} was erased. A certificate was issued.`);
    setConfirming(false);
    if (r) {
      setErased({ certificateId: r.certificate.id, issuedAt: r.certificate.issuedAt, suppressionId: r.suppressionId, recipients: r.art19Tasks.map((t) => t.recipientName), unlogged: r.unloggedExports });
      setAccess(null);
      onErased();
    }
  };

  // Art. 21: an objection to direct marketing is absolute, so it needs no reason and takes effect at once.
  const object = async () => {
    const r = await run('object', () => call('suppression.add', { contactId: contact.id }), `${name}'s objection is recorded: they are left out of every export from now on.`);
    setObjecting(false);
    if (r) setObjected(r.suppressionId);
  };

  if (erased) {
    return (
      <aside className="card detail" aria-labelledby="detail-title" data-testid="contact-detail" onKeyDown={closeOnEscape}>
        <h3 id="detail-title" ref={heading} tabIndex={-1}>
          Erased
        </h3>
        <div data-testid="erase-result" className="callout success">
          <p>
            <span aria-hidden="true">✓ </span>
            {name} was erased from the vault and put on the suppression list, so a later import will refuse them.
          </p>
          <dl className="facts">
            <dt>Certificate</dt>
            <dd data-testid="erase-certificate">
              Certificate of the erasure on {day(erased.issuedAt)} <CopyId id={erased.certificateId} what="certificate id" />
            </dd>
            <dt>Suppression entry</dt>
            <dd data-testid="erase-suppression">
              Added on {day(erased.issuedAt)} <CopyId id={erased.suppressionId} what="suppression entry id" />
            </dd>
          </dl>
          {erased.recipients.length > 0 ? (
            <p data-testid="erase-art19">
              Tell {erased.recipients.join(', ')} to erase this person too (UK GDPR Art. 19): they received their data. Until each task is marked done, the vault keeps,
              encrypted, how to find the person there.
            </p>
          ) : null}
          {erased.unlogged > 0 ? (
            <p data-testid="erase-unlogged">
              {erased.unlogged === 1 ? '1 export' : `${erased.unlogged} exports`} made before recipients were recorded may also have carried this person: find out who
              received them and tell them too.
            </p>
          ) : null}
        </div>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </aside>
    );
  }

  const extra = Object.entries(contact.extra ?? {});
  return (
    <aside className="card detail" aria-labelledby="detail-title" data-testid="contact-detail" onKeyDown={closeOnEscape}>
      <h3 id="detail-title" ref={heading} tabIndex={-1}>
        {name}
      </h3>
      <dl className="facts">
        <dt>First name</dt>
        <dd>{contact.firstName || '—'}</dd>
        <dt>Last name</dt>
        <dd>{contact.lastName || '—'}</dd>
        <dt>Email</dt>
        <dd>
          {contact.email ?? '—'} <span className="hint">({EMAIL_KIND_LABELS[contact.emailKind]})</span>
        </dd>
        <dt>Profile</dt>
        <dd className="wrap">{contact.profileUrl ?? '—'}</dd>
        <dt>Company</dt>
        <dd>{contact.company || '—'}</dd>
        <dt>Position</dt>
        <dd>{contact.position || '—'}</dd>
        <dt>Connected on</dt>
        <dd>{day(contact.connectedOn)}</dd>
        <dt>Sole trader</dt>
        <dd>{contact.soleTrader ? 'Yes (an individual subscriber under PECR)' : 'No'}</dd>
        <dt>Special-category hints</dt>
        <dd data-testid="detail-special-categories">{specialCategoryHintsText(contact, humanise)}</dd>
        {extra.map(([k, v]) => (
          <FragmentPair key={k} term={k} value={v} />
        ))}
        <dt>Group</dt>
        <dd>{group ? group.label : 'none'}</dd>
        <dt>Lawful basis</dt>
        <dd data-testid="detail-basis">
          {policy ? `${basisLabel(policy.basis)} · ${PURPOSE_LABELS[policy.purpose]}` : 'none'}
        </dd>
        <dt>Status</dt>
        <dd>
          {contact.usable ? (
            <span className="ok-text">
              <span aria-hidden="true">✓ </span>Usable
            </span>
          ) : (
            <span className="warn-text">
              <span aria-hidden="true">⚠ </span>Quarantined: may not be used or exported
            </span>
          )}
        </dd>
        <dt>Due for destruction</dt>
        <dd data-testid="detail-expires">{contact.legalHold ? 'not while under legal hold' : contact.expiresAt ? `on ${longDay(contact.expiresAt)}` : 'no date recorded yet'}</dd>
        <dt>Source</dt>
        <dd data-testid="detail-source" title={`Import id ${contact.source.importId}`}>
          {sourceText(contact)}
        </dd>
        <dt>Added / updated</dt>
        <dd>
          {day(contact.createdAt)} / {day(contact.updatedAt)}
        </dd>
        {/* Asked for by a legal hold on one contact (Retention): copied from here, not read. */}
        <dt>Contact id</dt>
        <dd data-testid="detail-id">
          <CopyId id={contact.id} what="contact id" />
        </dd>
      </dl>
      <div className="actions">
        <button type="button" data-testid="access-button" disabled={busy !== null} aria-busy={busy === 'access'} onClick={() => void exportAccess()}>
          Subject access export
        </button>
        <button type="button" data-testid="object-button" disabled={busy !== null || objected !== null} onClick={() => setObjecting(true)}>
          {objected ? 'Objection recorded' : 'Record an objection…'}
        </button>
        {canErase ? (
          <button type="button" className="danger" data-testid="erase-button" disabled={busy !== null} onClick={() => setConfirming(true)}>
            Erase…
          </button>
        ) : null}
        <button type="button" onClick={onClose} data-testid="close-detail">
          Close
        </button>
      </div>
      {jsonUrl ? (
        <p className="downloads">
          <a href={jsonUrl} download={`subject-access-${contact.id}.json`} data-testid="access-download">
            Download the export (JSON)
          </a>
          {csvUrl ? (
            <>
              {' · '}
              <a href={csvUrl} download={`subject-access-${contact.id}.csv`} data-testid="access-download-csv">
                CSV
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      {objecting ? (
        <ConfirmDialog title={`Record ${name}'s objection?`} confirmLabel="Record the objection" confirmTestId="confirm-object" busy={busy === 'object'} onConfirm={() => void object()} onCancel={() => setObjecting(false)}>
          <p>
            The person objects to the use of their data (UK GDPR Art. 21). To direct marketing the objection is absolute: from now on they are left out of every export,
            and later imports refuse them. An admin can lift it only with a reason.
          </p>
        </ConfirmDialog>
      ) : null}
      {confirming ? (
        <ConfirmDialog title={`Erase ${name}?`} confirmLabel="Erase now" confirmTestId="confirm-erase" busy={busy === 'erase'} onConfirm={() => void erase()} onCancel={() => setConfirming(false)}>
          <p>
            This destroys everything held about this person now (UK GDPR Art. 17) and adds them to the suppression list. It cannot be undone. Recipients that received
            their data are listed afterwards, to be told (Art. 19).
          </p>
        </ConfirmDialog>
      ) : null}
    </aside>
  );
}

/** Where the record came from, as a person recognises it: the file's kind and the day of its import (the file's name is not kept). */
function sourceText(contact: ContactView): string {
  const from = contact.sourceImport;
  if (!from) return `line ${contact.source.line} of an import no longer on record`;
  const file = SOURCE_FILES[from.kind] ?? 'the file';
  return `line ${contact.source.line} of ${file} imported on ${longDay(from.importedAt)} (import ${from.number})`;
}

const SOURCE_FILES: Record<string, string> = {
  'linkedin-connections': 'the LinkedIn connections file',
  'linkedin-imported-contacts': 'the LinkedIn address book file (ImportedContacts.csv)',
};

function FragmentPair({ term, value }: { term: string; value: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value || '—'}</dd>
    </>
  );
}
