// Home: what needs attention in this vault: contacts due for destruction, quarantine, notices, reviews, the last destruction run.
// (A first outline: the screen is built in issue 14.)
import type { ScreenProps } from '../lib/nav.js';
import { ScreenHeading } from '../components/screen-heading.js';

export function HomeScreen(_props: ScreenProps) {
  return (
    <section aria-labelledby="home-title" className="screen">
      <ScreenHeading>
        <span id="home-title">Home</span>
      </ScreenHeading>
      <p className="lede">What needs attention in this vault: contacts due for destruction, quarantine, notices, reviews, the last destruction run.</p>
    </section>
  );
}
