// Notices & PECR: art. 14 notices per group and per person, subscribers, soft opt-ins and TPS/CTPS screenings.
// (A first outline: the screen is built in issue 14.)
import type { ScreenProps } from '../lib/nav.js';
import { ScreenHeading } from '../components/screen-heading.js';

export function NoticesScreen(_props: ScreenProps) {
  return (
    <section aria-labelledby="notices-title" className="screen">
      <ScreenHeading>
        <span id="notices-title">Notices & PECR</span>
      </ScreenHeading>
      <p className="lede">Art. 14 notices per group and per person, subscribers, soft opt-ins and TPS/CTPS screenings.</p>
    </section>
  );
}
