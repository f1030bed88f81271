// The export's options: purpose, channels, fields, direct marketing (asked unless the purpose always is), the notice
// run, and the recipient. Each problem is said beside its field, in words; the request is built only from a valid form.
import { useId } from 'react';
import { CONTACT_CHANNELS, CRM_FIELDS, isMarketingPurpose, PURPOSES } from '../../../src/shared/vocabulary.js';
import { Checkbox, FieldError, SelectField } from '../../components/fields.js';
import { CHANNEL_LABELS, PURPOSE_LABELS } from '../../lib/labels.js';
import { CRM_FIELD_LABELS } from '../../lib/labels-export.js';
import type { RecipientView } from '../records/records-types.js';
import type { DraftErrors, ExportDraft } from './export-draft.js';

export { draftErrors, EMPTY_DRAFT, previewRequest, type DraftErrors, type ExportDraft } from './export-draft.js';

const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] => (on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item));

interface Props {
  draft: ExportDraft;
  errors: DraftErrors;
  recipients: readonly RecipientView[] | null;
  onChange(draft: ExportDraft): void;
  onRegister(): void;
}

export function ExportOptions({ draft, errors, recipients, onChange, onRegister }: Props) {
  const id = useId();
  const set = (patch: Partial<ExportDraft>) => onChange({ ...draft, ...patch });
  const marketing = isMarketingPurpose(draft.purpose);
  return (
    <>
      <SelectField
        label="Purpose"
        testId="export-purpose"
        value={draft.purpose}
        onChange={(purpose) => set({ purpose })}
        options={PURPOSES.map((p) => ({ value: p, label: PURPOSE_LABELS[p] }))}
        hint="Only people whose group has a lawful basis for this purpose are included."
      />
      <fieldset data-testid="export-channels" className="export-checks" aria-describedby={errors.channels ? `${id}-channels-error` : undefined}>
        <legend>Channels the file is for</legend>
        {CONTACT_CHANNELS.map((c) => (
          <Checkbox key={c} label={CHANNEL_LABELS[c]} testId={`export-channel-${c}`} checked={draft.channels.includes(c)} onChange={(on) => set({ channels: toggle(draft.channels, c, on) })} />
        ))}
        <FieldError id={`${id}-channels-error`} error={errors.channels} />
      </fieldset>
      {marketing ? (
        <p className="hint" data-testid="export-marketing-always">
          {PURPOSE_LABELS[draft.purpose]} is always direct marketing (DPA 2018 s.122(5)): PECR’s rules apply to every channel.
        </p>
      ) : (
        <fieldset data-testid="export-direct-marketing" aria-describedby={`${id}-dm-hint${errors.directMarketing ? ` ${id}-dm-error` : ''}`}>
          <legend>Is this export direct marketing?</legend>
          <p className="hint" id={`${id}-dm-hint`}>
            Any promotion of your organisation, its products or its aims is direct marketing (DPA 2018 s.122(5)).
          </p>
          {(['yes', 'no'] as const).map((v) => (
            <div className="check" key={v}>
              <input
                type="radio"
                id={`${id}-dm-${v}`}
                name={`${id}-dm`}
                data-testid={`export-direct-marketing-${v}`}
                checked={draft.directMarketing === v}
                onChange={() => set({ directMarketing: v })}
              />
              <label htmlFor={`${id}-dm-${v}`}>{v === 'yes' ? 'Yes, it promotes us' : 'No, it is not marketing'}</label>
            </div>
          ))}
          <FieldError id={`${id}-dm-error`} error={errors.directMarketing} />
        </fieldset>
      )}
      <fieldset data-testid="export-fields" className="export-checks" aria-describedby={`${id}-fields-hint${errors.fields ? ` ${id}-fields-error` : ''}`}>
        <legend>Fields to export</legend>
        <p className="hint" id={`${id}-fields-hint`}>
          {draft.noticeRun ? 'A notice run exports names and contact details only, whatever is chosen here.' : 'Columns are named as HubSpot names them; the lawful basis and purpose are added.'}
        </p>
        {CRM_FIELDS.map((f) => (
          <Checkbox key={f} label={CRM_FIELD_LABELS[f]} testId={`export-field-${f}`} checked={draft.fields.includes(f)} onChange={(on) => set({ fields: toggle(draft.fields, f, on) })} />
        ))}
        <FieldError id={`${id}-fields-error`} error={errors.fields} />
      </fieldset>
      <Checkbox
        label="This file is for sending the Art. 14 privacy notice"
        testId="export-notice-run"
        checked={draft.noticeRun}
        onChange={(noticeRun) => set({ noticeRun })}
        hint="Only people not yet told are included, with their names and contact details, for that one message."
      />
      {recipients === null ? (
        <p className="hint">Loading the recipients…</p>
      ) : recipients.length === 0 ? (
        <div className="callout warn" data-testid="export-no-recipient">
          <p>No recipient is registered yet. Every export goes to a registered recipient (your CRM, a mailing tool), so that who received whom is on record.</p>
          <button type="button" className="link-button" data-testid="export-register-recipient" onClick={onRegister}>
            Register a recipient on the Records screen
          </button>
          <FieldError id={`${id}-recipient-missing`} error={errors.recipientId} />
        </div>
      ) : (
        <SelectField
          label="Recipient"
          testId="export-recipient"
          placeholder="Choose who receives the file…"
          value={draft.recipientId}
          onChange={(recipientId) => set({ recipientId })}
          options={recipients.map((r) => ({ value: r.id, label: r.name }))}
          error={errors.recipientId}
          hint={
            <>
              Not listed?{' '}
              <button type="button" className="link-button" onClick={onRegister}>
                Register another recipient
              </button>
            </>
          }
        />
      )}
    </>
  );
}
