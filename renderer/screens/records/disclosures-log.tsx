// The disclosure log (Art. 15(1)(c), Art. 30): every export, newest first, with its recipient, purpose and count,
// shown a page at a time.
import { useEffect, useState } from 'react';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { CopyId } from '../../components/copy-id.js';
import { OffsetPager } from '../../components/pager.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { timestamp } from '../../lib/format.js';
import { PURPOSE_LABELS } from '../../lib/labels.js';
import type { DisclosureView } from './records-types.js';

const PAGE = 20;

export function DisclosuresLog({ version }: { version: number }) {
  const [list, setList] = useState<DisclosureView[] | null>(null);
  const [offset, setOffset] = useState(0);
  const { busy, run } = useAction();

  useEffect(() => {
    void run('disclosures', () => call('disclosures.list', {})).then((r) => r && setList(r));
  }, [run, version]);

  const shown = (list ?? []).slice(offset, offset + PAGE);
  const total = list?.length ?? 0;
  return (
    <section className="card" aria-labelledby="records-disclosures-title" data-testid="disclosures-log">
      <h3 id="records-disclosures-title">Disclosures log</h3>
      <p className="hint">Every CRM export, to whom and why. A person’s own disclosures are in their subject access report.</p>
      {list === null ? (
        <p className="hint">Loading…</p>
      ) : total === 0 ? (
        <p className="hint" data-testid="disclosures-none">
          Nothing has been exported yet.
        </p>
      ) : (
        <>
          <OffsetPager
            noun="Disclosures"
            testId="disclosures"
            offset={offset}
            pageSize={PAGE}
            shown={shown.length}
            total={total}
            loading={busy === 'disclosures'}
            onOffset={setOffset}
          />
          <ScrollRegion label="Disclosures">
            <table className="data" data-testid="disclosures-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">To</th>
                  <th scope="col">Purpose</th>
                  <th scope="col">People</th>
                  <th scope="col">Id</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((d) => (
                  <tr key={d.id} data-testid="disclosure-row">
                    <td>{timestamp(d.at)}</td>
                    <th scope="row">{d.recipientName}</th>
                    <td>
                      {PURPOSE_LABELS[d.purpose]}
                      {d.noticeRun ? ' (privacy notice run)' : ''}
                    </td>
                    <td>{d.contacts.toLocaleString('en-GB')}</td>
                    <td>
                      <CopyId id={d.id} what="disclosure id" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}
