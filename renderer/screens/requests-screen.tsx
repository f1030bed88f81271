// People’s requests: subject access, objections and the suppression list, erasure, consent records and Art. 19 tasks.
// (A first outline: the screen is built in issue 14.)
import type { ScreenProps } from '../lib/nav.js';
import { ScreenHeading } from '../components/screen-heading.js';

export function RequestsScreen(_props: ScreenProps) {
  return (
    <section aria-labelledby="requests-title" className="screen">
      <ScreenHeading>
        <span id="requests-title">People’s requests</span>
      </ScreenHeading>
      <p className="lede">Subject access, objections and the suppression list, erasure, consent records and Art. 19 tasks.</p>
    </section>
  );
}
