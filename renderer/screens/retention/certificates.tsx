// Destruction certificates: proof for the controller's records of each run or erasure (ids, counts, policies and
// the audit entry; no personal data), each downloadable as JSON.
import { useEffect, useState } from 'react';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { saveText } from '../../components/blob-url.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { timestamp } from '../../lib/format.js';
import type { Certificate } from '../../types.js';

export function Certificates({ version }: { version: number }) {
  const [list, setList] = useState<Certificate[]>([]);
  const { run } = useAction();
  useEffect(() => {
    void run('certificates', () => call('certificates.list', {})).then((r) => r && setList(r));
  }, [run, version]);
  return (
    <section className="card" aria-labelledby="certificates-title">
      <h3 id="certificates-title">Certificates</h3>
      {list.length === 0 ? (
        <p className="hint">No destruction or erasure has been certified yet.</p>
      ) : (
        <ScrollRegion label="Table of certificates">
          <table className="data" data-testid="certificates-list">
            <thead>
              <tr>
                <th scope="col">Certificate</th>
                <th scope="col">Kind</th>
                <th scope="col">Issued</th>
                <th scope="col">Destroyed</th>
                <th scope="col">Audit entry</th>
                <th scope="col">Save</th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.id} data-testid="certificate-row">
                  <th scope="row" className="mono small">
                    {c.id}
                  </th>
                  <td>{c.kind === 'erasure' ? 'Erasure (Art. 17)' : 'Scheduled destruction'}</td>
                  <td>{timestamp(c.issuedAt)}</td>
                  <td className="num">{c.destroyed.total.toLocaleString('en-GB')}</td>
                  <td className="num">{c.audit.seq}</td>
                  <td>
                    <button type="button" aria-label={`Save certificate ${c.id} as JSON`} onClick={() => saveText(`certificate-${c.id}.json`, JSON.stringify(c, null, 2))}>
                      JSON
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
