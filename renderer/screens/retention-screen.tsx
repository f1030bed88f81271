// Retention (admin): how long contacts are kept (policies per group or lawful basis, and the vault's default), legal
// holds, what falls due month by month, destruction (dry run first), the certificates (read, printed, saved), and the
// quarantine period.
import { useCallback, useEffect, useState } from 'react';
import { call } from '../api.js';
import { useAction } from '../app/use-action.js';
import { ScreenHeading } from '../components/screen-heading.js';
import type { GroupView, RetentionList } from '../types.js';
import { Certificates } from './retention/certificates.js';
import { DefaultRetentionSetting } from './retention/default-retention.js';
import { Destruction } from './retention/destruction.js';
import { DueChart } from './retention/due-chart.js';
import { LegalHolds } from './retention/legal-holds.js';
import { QuarantineSetting } from './retention/quarantine-setting.js';
import { RetentionPolicies } from './retention/retention-policies.js';
import './retention/retention.css';

export function RetentionScreen() {
  const [groups, setGroups] = useState<GroupView[]>([]);
  const [settings, setSettings] = useState<RetentionList | null>(null);
  // Bumped after anything that changes due dates, so the chart, settings and certificates reload.
  const [version, setVersion] = useState(0);
  const { run } = useAction();
  const changed = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    void run('groups', () => call('groups.list', {})).then((r) => r && setGroups(r.groups));
    void run('settings', () => call('retention.list', {})).then((r) => r && setSettings(r));
  }, [run, version]);

  const groupLabel = (id: string | null): string => (id === null ? 'No group (quarantined)' : (groups.find((g) => g.id === id)?.label ?? 'A group since removed'));

  return (
    <section aria-labelledby="retention-title" className="screen retention-screen">
      <ScreenHeading>
        <span id="retention-title">Retention</span>
      </ScreenHeading>
      <p className="lede">Personal data is kept no longer than needed (UK GDPR Art. 5(1)(e)). Set how long, see what falls due, and destroy it with a certificate.</p>
      <DueChart version={version} />
      <Destruction groupLabel={groupLabel} onDone={changed} />
      <RetentionPolicies groups={groups} settings={settings} onChanged={changed} />
      <DefaultRetentionSetting current={settings?.defaultRetention ?? null} onChanged={changed} />
      <LegalHolds groups={groups} groupLabel={groupLabel} onChanged={changed} />
      <QuarantineSetting current={settings?.quarantineDays ?? null} onChanged={changed} />
      <Certificates version={version} groupLabel={groupLabel} />
    </section>
  );
}
