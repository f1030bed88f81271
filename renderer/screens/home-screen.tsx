// Home: what needs attention in this vault (home.summary): contacts due for destruction, quarantine, Art. 14 notices,
// LIA reviews and the last destruction run, each in words and dates, each with a link to the screen that resolves it
// when the member's roles may use it. The core gives each part only to the roles that may read it; a calm sentence
// when nothing needs attention.
import { useEffect, useState } from 'react';
import { call } from '../api.js';
import { useAction } from '../app/use-action.js';
import { CopyId } from '../components/copy-id.js';
import { ScreenHeading } from '../components/screen-heading.js';
import { day } from '../lib/format.js';
import { mayCall, type ScreenProps } from '../lib/nav.js';
import { attentionItems, lastRunText, type HomeSummary } from './home/attention.js';
import './home/home.css';

export function HomeScreen({ roles, memberId, navigate }: ScreenProps) {
  const [summary, setSummary] = useState<HomeSummary | null>(null);
  const { busy, run } = useAction();
  useEffect(() => {
    void run('summary', () => call('home.summary', {})).then((r) => r && setSummary(r));
  }, [run]);

  const items = summary ? attentionItems(summary, roles) : [];
  const lastRun = summary ? lastRunText(summary, memberId) : null;
  const canRetention = mayCall('retention.set', roles);
  // What a new vault still needs, offered to whoever can do it.
  const steps = summary
    ? [
        ...(summary.setup.contacts === 0 && mayCall('import.commit', roles)
          ? [{ key: 'import', text: 'The vault holds nobody yet: start by importing your LinkedIn export (Connections.csv or the archive).', action: 'Import a file', screen: 'import' as const }]
          : []),
        ...(!summary.setup.controllerRecorded && mayCall('controller.set', roles)
          ? [{ key: 'controller', text: 'Record who the controller is (and its DPO): the privacy notice and the Art. 30 record name them.', action: 'Record the controller', screen: 'records' as const }]
          : []),
      ]
    : [];

  return (
    <section aria-labelledby="home-title" className="screen home">
      <ScreenHeading>
        <span id="home-title">Home</span>
      </ScreenHeading>
      <p className="lede">What needs attention in this vault, as far as your roles cover it.</p>
      {summary && steps.length > 0 ? (
        <section className="card" aria-labelledby="start-title" data-testid="first-steps">
          <h3 id="start-title">Getting started</h3>
          <ul>
            {steps.map((step) => (
              <li key={step.key} data-testid={`first-step-${step.key}`}>
                {step.text}{' '}
                <button type="button" className="link-button" onClick={() => navigate(step.screen)}>
                  {step.action}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card" aria-labelledby="attention-title" aria-busy={busy === 'summary'} data-testid="attention">
        <h3 id="attention-title">What needs attention</h3>
        {summary === null ? (
          <p className="hint">{busy === 'summary' ? 'Looking…' : 'The summary could not be read.'}</p>
        ) : items.length === 0 ? (
          <p className="attention-empty" data-testid="attention-empty">
            Nothing needs your attention.
          </p>
        ) : (
          <ul className="attention-list" data-testid="attention-list">
            {items.map((item) => (
              <li key={item.key} className={`attention-item attention-${item.tone}`} data-testid={`attention-${item.key}`}>
                <span className="attention-tag">{item.tone === 'urgent' ? 'Now' : 'Soon'}</span>
                <p className="attention-text">{item.text}</p>
                {item.link ? (
                  <button type="button" className="link-button" data-testid={`attention-${item.key}-link`} onClick={() => navigate(item.link!.screen)}>
                    {item.link.label}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {lastRun ? (
        <section className="card" aria-labelledby="last-run-title" data-testid="last-run">
          <h3 id="last-run-title">Last destruction run</h3>
          <p data-testid="last-run-text">{lastRun}</p>
          {summary?.lastRun?.certificateId ? (
            <p className="hint">
              Certificate of the run on {day(summary.lastRun.at)} <CopyId id={summary.lastRun.certificateId} what="certificate id" />
            </p>
          ) : null}
          {canRetention ? (
            <button type="button" className="link-button" data-testid="last-run-link" onClick={() => navigate('retention')}>
              See the certificates in Retention
            </button>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
