// Destruction certificates: proof for the controller's records of each run or erasure (ids, counts, policies and
// the audit entry; no personal data), each readable as text, printable, and saved as text or JSON.
import { useEffect, useState } from 'react';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { useReturnFocus } from '../members/return-focus.js';
import { CopyId } from '../../components/copy-id.js';
import { OffsetPager } from '../../components/pager.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { day, timestamp } from '../../lib/format.js';
import type { Certificate, CertificatesPage } from '../../types.js';
import { CertificateView, type ShownCertificate } from './certificate-view.js';

const PAGE = 20;

export function Certificates({ version, groupLabel }: { version: number; groupLabel(id: string | null): string }) {
  const [page, setPage] = useState<CertificatesPage | null>(null);
  const [shown, setShown] = useState<ShownCertificate | null>(null);
  const [offset, setOffset] = useState(0);
  const { busy, run } = useAction();
  // Closing a certificate gives focus back to the View button that opened it.
  const returnFocus = useReturnFocus();
  useEffect(() => {
    void run('certificates', () => call('certificates.list', { offset, limit: PAGE })).then((r) => r && setPage(r));
  }, [run, version, offset]);
  const show = async (c: Certificate) => {
    returnFocus.remember();
    const r = await run(`show-${c.id}`, () => call('certificates.show', { certificateId: c.id }));
    if (r) setShown(r);
  };
  const list = page?.certificates ?? [];
  const total = page?.total ?? 0;
  return (
    <section className="card retention-certificates" aria-labelledby="certificates-title">
      <h3 id="certificates-title">Certificates</h3>
      {list.length === 0 ? (
        <p className="hint">No destruction or erasure has been certified yet.</p>
      ) : (
        <>
          <OffsetPager
            noun="Certificates"
            testId="certificates"
            offset={offset}
            pageSize={PAGE}
            shown={list.length}
            total={total}
            loading={busy === 'certificates'}
            onOffset={setOffset}
          />
          <ScrollRegion label="Table of certificates">
            <table className="data" data-testid="certificates-list">
              <thead>
                <tr>
                  <th scope="col">Certificate</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Issued</th>
                  <th scope="col">Destroyed</th>
                  <th scope="col">Audit entry</th>
                  <th scope="col">Read</th>
                </tr>
              </thead>
              <tbody>
                {list.map((c) => (
                  <tr key={c.id} data-testid="certificate-row">
                    <th scope="row">
                      Certificate of the {c.kind === 'erasure' ? 'erasure' : 'run'} on {day(c.issuedAt)} <CopyId id={c.id} what="certificate id" />
                    </th>
                    <td>{c.kind === 'erasure' ? 'Erasure (Art. 17)' : 'Scheduled destruction'}</td>
                    <td>{timestamp(c.issuedAt)}</td>
                    <td className="num">{c.destroyed.total.toLocaleString('en-GB')}</td>
                    <td className="num">{c.audit.seq}</td>
                    <td>
                      <button
                        type="button"
                        data-testid="certificate-show"
                        aria-label={`View the certificate issued ${timestamp(c.issuedAt)}`}
                        aria-pressed={shown?.certificate.id === c.id}
                        disabled={busy !== null}
                        onClick={() => void show(c)}
                      >
                        View
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
      {shown ? <CertificateView shown={shown} groupLabel={groupLabel} onClose={() => {
            setShown(null);
            returnFocus.restore();
          }} /> : null}
    </section>
  );
}
