// The first launch, when this computer knows no vault: two clear ways in instead of an empty path form.
import { ScreenHeading } from '../../components/screen-heading.js';
import './unlock.css';

export function Welcome({ onCreate, onOpen, onRecover }: { onCreate(): void; onOpen(): void; onRecover(): void }) {
  return (
    <section className="welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <ScreenHeading>
        <span id="welcome-title">Welcome to Contact Sanitizer</span>
      </ScreenHeading>
      <p className="lede">
        It keeps your LinkedIn connections in an encrypted vault, helps you record a lawful basis for each group, and destroys what you no longer need,
        as UK GDPR and PECR expect. Everything stays on this computer.
      </p>
      <div className="welcome-choices">
        <div className="card welcome-choice">
          <h3>Start afresh</h3>
          <p>Make a new vault file. You become its first member, with every role, and get a recovery key to keep.</p>
          <button type="button" className="primary" data-testid="mode-create" onClick={onCreate}>
            Create a new vault
          </button>
        </div>
        <div className="card welcome-choice">
          <h3>Someone gave you access</h3>
          <p>Open a vault file that already exists, with the member name and passphrase its admin gave you.</p>
          <button type="button" data-testid="welcome-open" onClick={onOpen}>
            Open an existing vault
          </button>
        </div>
      </div>
      <p className="hint">
        Lost every passphrase?{' '}
        <button type="button" className="link-button" data-testid="welcome-recover" onClick={onRecover}>
          Recover access with the recovery key
        </button>
      </p>
    </section>
  );
}
