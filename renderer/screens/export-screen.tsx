// CRM export: export contacts for one purpose and channels to a registered recipient, with who is included and who is held back and why.
// (A first outline: the screen is built in issue 14.)
import type { ScreenProps } from '../lib/nav.js';
import { ScreenHeading } from '../components/screen-heading.js';

export function ExportScreen(_props: ScreenProps) {
  return (
    <section aria-labelledby="export-title" className="screen">
      <ScreenHeading>
        <span id="export-title">CRM export</span>
      </ScreenHeading>
      <p className="lede">Export contacts for one purpose and channels to a registered recipient, with who is included and who is held back and why.</p>
    </section>
  );
}
