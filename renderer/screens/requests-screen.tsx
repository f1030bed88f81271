// People’s requests: subject access (Art. 15), objections and the suppression list (Art. 21), erasure (Art. 17),
// Art. 19 tasks and consent records (Art. 7). One part at a time, chosen above; each part is offered only to the
// roles that may call its channels (nav.ts, mayCall), and the core checks every call again.
import { useCallback, useState } from 'react';
import type { Channel } from '../../src/api/access.js';
import { mayCall, type ScreenProps } from '../lib/nav.js';
import { ScreenHeading } from '../components/screen-heading.js';
import { Art19Tasks } from './requests/art19-tasks.js';
import { CarriedOver, ConsentImport } from './requests/consent-batch.js';
import { ConsentRecords } from './requests/consents.js';
import { Erasure } from './requests/erasure.js';
import { SubjectAccess } from './requests/subject-access.js';
import { Suppression } from './requests/suppression.js';
import './requests/requests.css';

type Part = 'access' | 'suppression' | 'erasure' | 'art19' | 'consents';

const PARTS: readonly { id: Part; label: string; channel: Channel }[] = [
  { id: 'access', label: 'Subject access', channel: 'contacts.access' },
  { id: 'suppression', label: 'Objections & suppression', channel: 'suppression.list' },
  { id: 'erasure', label: 'Erasure', channel: 'contacts.erase' },
  { id: 'art19', label: 'Art. 19 tasks', channel: 'art19.list' },
  { id: 'consents', label: 'Consent records', channel: 'consent.list' },
];

export function RequestsScreen({ roles }: ScreenProps) {
  const parts = PARTS.filter((p) => mayCall(p.channel, roles));
  const [chosen, setChosen] = useState<Part>('access');
  // Bumped after anything that changes what another part lists (an erasure adds a suppression and Art. 19 tasks).
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const part = parts.find((p) => p.id === chosen)?.id ?? parts[0]?.id ?? null;

  return (
    <section aria-labelledby="requests-title" className="screen" data-testid="requests-screen">
      <ScreenHeading>
        <span id="requests-title">People’s requests</span>
      </ScreenHeading>
      <p className="lede">What to do when a person asks to see their data, objects, asks to be erased, or gives or withdraws consent. A month is the limit to answer (Art. 12(3)).</p>
      <div className="requests-tabs" role="group" aria-label="Which request">
        {parts.map((p) => (
          <button key={p.id} type="button" aria-pressed={p.id === part} data-testid={`requests-tab-${p.id}`} onClick={() => setChosen(p.id)}>
            {p.label}
          </button>
        ))}
      </div>
      {part === 'access' ? <SubjectAccess /> : null}
      {part === 'suppression' ? <Suppression canAdd={mayCall('suppression.add', roles)} canLift={mayCall('suppression.lift', roles)} version={version} onChanged={changed} /> : null}
      {part === 'erasure' ? <Erasure onChanged={changed} /> : null}
      {part === 'art19' ? <Art19Tasks canMarkDone={mayCall('art19.done', roles)} version={version} onChanged={changed} /> : null}
      {part === 'consents' ? (
        <>
          <ConsentRecords canAdd={mayCall('consent.add', roles)} version={version} onChanged={changed} />
          {mayCall('consent.import', roles) || mayCall('consent.confirm', roles) ? (
            <section className="card" aria-labelledby="consent-batch-title" data-testid="requests-consent-batch">
              <h3 id="consent-batch-title">Consents in bulk</h3>
              {mayCall('consent.import', roles) ? <ConsentImport onChanged={changed} /> : null}
              {mayCall('consent.confirm', roles) ? <CarriedOver version={version} onChanged={changed} /> : null}
            </section>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
