// Records (Art. 30), for data owners and admins: the record of processing activities (read, saved, printed), the
// controller's details (admins change them), the recipients register and the disclosures log.
import { useCallback, useEffect, useState } from 'react';
import { call } from '../api.js';
import { useAction } from '../app/use-action.js';
import { ScreenHeading } from '../components/screen-heading.js';
import { mayCall, type ScreenProps } from '../lib/nav.js';
import { Art30Record } from './records/art30-record.js';
import { ControllerDetails } from './records/controller-details.js';
import { DisclosuresLog } from './records/disclosures-log.js';
import { RecipientsRegister } from './records/recipients-register.js';
import type { RecipientView } from './records/records-types.js';
import './records/records.css';

export function RecordsScreen({ roles }: ScreenProps) {
  const [recipients, setRecipients] = useState<RecipientView[] | null>(null);
  // Bumped after a change the record reflects (a recipient, the controller), so it is built again.
  const [version, setVersion] = useState(0);
  const { run } = useAction();
  const changed = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    void run('recipients', () => call('recipients.list', {})).then((r) => setRecipients(r ?? []));
  }, [run, version]);

  return (
    <section aria-labelledby="records-title" className="screen records-screen">
      <ScreenHeading>
        <span id="records-title">Records (Art. 30)</span>
      </ScreenHeading>
      <p className="lede records-controls">
        The record of processing activities UK GDPR Art. 30 asks you to keep, built from the vault as it is now; who you are as controller; who may receive exports; and every export made.
      </p>
      <Art30Record version={version} />
      <ControllerDetails canEdit={mayCall('controller.set', roles)} onChanged={changed} />
      <RecipientsRegister recipients={recipients} onChanged={changed} />
      <DisclosuresLog version={version} />
    </section>
  );
}
