// Retention (admin): how long contacts are kept (policies per group or lawful basis), legal holds, what falls due
// month by month, destruction (dry run first), the certificates, and the quarantine period.
import { useCallback, useEffect, useState } from 'react';
import { call } from '../api.js';
import { useAction } from '../app/use-action.js';
import { ScreenHeading } from '../components/screen-heading.js';
import type { GroupView } from '../types.js';
import { Certificates } from './retention/certificates.js';
import { Destruction } from './retention/destruction.js';
import { DueChart } from './retention/due-chart.js';
import { LegalHolds } from './retention/legal-holds.js';
import { QuarantineSetting } from './retention/quarantine-setting.js';
import { RetentionPolicies } from './retention/retention-policies.js';

export function RetentionScreen() {
  const [groups, setGroups] = useState<GroupView[]>([]);
  // Bumped after anything that changes due dates, so the chart and certificates reload.
  const [version, setVersion] = useState(0);
  const { run } = useAction();
  const changed = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    void run('groups', () => call('groups.list', {})).then((r) => r && setGroups(r.groups));
  }, [run, version]);

  const groupLabel = (id: string | null): string => (id === null ? 'No group (quarantined)' : (groups.find((g) => g.id === id)?.label ?? id));

  return (
    <section aria-labelledby="retention-title" className="screen">
      <ScreenHeading>
        <span id="retention-title">Retention</span>
      </ScreenHeading>
      <p className="lede">Personal data is kept no longer than needed (UK GDPR Art. 5(1)(e)). Set how long, see what falls due, and destroy it with a certificate.</p>
      <DueChart version={version} />
      <Destruction groupLabel={groupLabel} onDone={changed} />
      <RetentionPolicies groups={groups} onChanged={changed} />
      <LegalHolds groups={groups} groupLabel={groupLabel} onChanged={changed} />
      <QuarantineSetting onChanged={changed} />
      <Certificates version={version} />
    </section>
  );
}
