// Records (Art. 30): the record of processing (Art. 30), the controller's details, recipients and disclosures.
// (A first outline: the screen is built in issue 14.)
import type { ScreenProps } from '../lib/nav.js';
import { ScreenHeading } from '../components/screen-heading.js';

export function RecordsScreen(_props: ScreenProps) {
  return (
    <section aria-labelledby="records-title" className="screen">
      <ScreenHeading>
        <span id="records-title">Records (Art. 30)</span>
      </ScreenHeading>
      <p className="lede">The record of processing (Art. 30), the controller's details, recipients and disclosures.</p>
    </section>
  );
}
