// Destruction tokens (admin): a token lets an unattended job (`purge --due` with CONTACT_SANITIZER_DESTRUCTION_TOKEN) destroy
// what is due, and nothing else: it cannot read, export or change anything. Shown once when created, kept only as a
// hash, revocable; every use is audited.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { useStatus } from '../../app/status.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { CopyId } from '../../components/copy-id.js';
import { day, timestamp } from '../../lib/format.js';
import type { Response } from '../../../src/api/contract.js';
import type { MemberListItem } from '../../types.js';
import { copiedMessage, copySecret } from '../unlock/clipboard.js';
import { useReturnFocus } from './return-focus.js';

type TokenView = Response<'tokens.list'>[number];

export function DestructionTokens({ members }: { members: readonly MemberListItem[] }) {
  const status = useStatus();
  const id = useId();
  const [tokens, setTokens] = useState<TokenView[]>([]);
  const [created, setCreated] = useState<{ id: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<TokenView | null>(null);
  const tokenRef = useRef<HTMLElement>(null);
  const focus = useReturnFocus();
  const { busy, run } = useAction();

  const load = useCallback(async () => {
    const r = await run('tokens', () => call('tokens.list', {}));
    if (r) setTokens(r);
  }, [run]);
  useEffect(() => {
    void load();
  }, [load]);

  const nameOf = (memberId: string) => members.find((m) => m.id === memberId)?.name ?? 'a former member';

  const create = async () => {
    const r = await run('create', () => call('tokens.create', {}), 'Destruction token created. Copy it now: it is shown only now.');
    if (r) {
      setCreated(r);
      await load();
    }
  };

  const copy = async () => {
    if (!created) return;
    const outcome = await copySecret(created.token, tokenRef.current);
    status.announce(
      outcome.copied
        ? copiedMessage('Token', outcome, 'where the scheduled job keeps its secrets')
        : 'Copying was refused here: the token is selected, so press Ctrl+C (⌘C on a Mac) to copy it.',
      outcome.copied ? 'success' : 'info',
    );
  };

  const revoke = async () => {
    if (!revoking) return;
    const r = await run('revoke', () => call('tokens.revoke', { tokenId: revoking.id }), 'Destruction token revoked: a job still using it will be refused.');
    setRevoking(null);
    focus.restore();
    if (r !== undefined) {
      if (created?.id === revoking.id) setCreated(null);
      await load();
    }
  };

  return (
    <section className="card members-tokens" aria-labelledby={`${id}-title`} data-testid="tokens">
      <h3 id={`${id}-title`}>Destruction tokens</h3>
      <p className="hint">
        A token lets a scheduled job on a server run the destruction that is due (<code>contact-sanitizer purge --due</code> with the token in{' '}
        <code>CONTACT_SANITIZER_DESTRUCTION_TOKEN</code>) without anyone’s passphrase. It
        can destroy what is due and nothing else: it cannot read, export or change contacts. Every use is in the audit log.
      </p>
      {created ? (
        <div className="callout warn token-once" data-testid="token-created" role="group" aria-labelledby={`${id}-once`}>
          <p id={`${id}-once`}>
            <strong>
              <span aria-hidden="true">⚠ </span>Shown only now.
            </strong>{' '}
            Copy the token into the job’s configuration: the vault keeps only a hash of it and cannot show it again.
          </p>
          <p className="token-value">
            <code ref={tokenRef} data-testid="token-value">
              {created.token}
            </code>
          </p>
          <div className="actions">
            <button type="button" data-testid="token-copy" onClick={() => void copy()}>
              Copy
            </button>
            <button type="button" data-testid="token-done" onClick={() => setCreated(null)}>
              I have stored it: hide the token
            </button>
          </div>
        </div>
      ) : null}
      {tokens.length === 0 ? (
        <p data-testid="tokens-empty">No destruction token yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="tokens-table">
            <caption className="visually-hidden">Destruction tokens, oldest first, numbered in that order</caption>
            <thead>
              <tr>
                <th scope="col">Token</th>
                <th scope="col">Created</th>
                <th scope="col">By</th>
                <th scope="col">State</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t, i) => (
                <tr key={t.id} data-testid="token-row" data-token-id={t.id}>
                  <th scope="row">
                    Token {i + 1} <CopyId id={t.id} what="token id" />
                  </th>
                  <td>{day(t.createdAt)}</td>
                  <td>{nameOf(t.createdBy)}</td>
                  <td data-testid="token-state">{t.revokedAt ? `Revoked ${timestamp(t.revokedAt)}` : 'Active'}</td>
                  <td>
                    {t.revokedAt ? (
                      <span className="hint">—</span>
                    ) : (
                      <button
                        type="button"
                        className="danger-outline"
                        data-testid="token-revoke"
                        aria-label={`Revoke token ${i + 1}, created ${day(t.createdAt)}`}
                        disabled={busy !== null}
                        onClick={() => {
                          focus.remember();
                          setRevoking(t);
                        }}
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="actions">
        <button type="button" className="primary" data-testid="token-create" disabled={busy !== null} aria-busy={busy === 'create'} onClick={() => void create()}>
          {busy === 'create' ? 'Creating…' : 'Create a destruction token'}
        </button>
      </div>
      {revoking ? (
        <ConfirmDialog
          title="Revoke this destruction token?"
          confirmLabel="Revoke the token"
          confirmTestId="confirm-revoke-token"
          busy={busy === 'revoke'}
          onConfirm={() => void revoke()}
          onCancel={() => {
            setRevoking(null);
            focus.restore();
          }}
        >
          <p>
            A job using token {tokens.findIndex((t) => t.id === revoking.id) + 1}, created {day(revoking.createdAt)} by {nameOf(revoking.createdBy)}, will be refused from now on. This
            cannot be undone: create a new token for the job if it should go on.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
