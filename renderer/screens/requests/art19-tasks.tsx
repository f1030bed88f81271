// Art. 19 tasks: after an erasure or a rectification, each recipient that received the person's data must be told
// (unless that proves impossible or involves disproportionate effort). One task per recipient, with how they can
// find the person; an admin marks it done once told, and the vault then forgets who it was about.
import { useCallback, useEffect, useId, useState } from 'react';
import type { Response } from '../../../src/api/contract.js';
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { Checkbox } from '../../components/fields.js';
import { ScrollRegion } from '../../components/scroll-region.js';
import { day } from '../../lib/format.js';
import { ART19_KIND_LABELS } from '../../lib/labels-requests.js';

type Task = Response<'art19.list'>[number];

export function Art19Tasks({ canMarkDone, version, onChanged }: { canMarkDone: boolean; version: number; onChanged(): void }) {
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [includeDone, setIncludeDone] = useState(false);
  const { busy, run } = useAction();
  const noteId = useId();

  const load = useCallback(async () => {
    const r = await run('list', () => call('art19.list', { includeDone }));
    if (r) setTasks(r);
  }, [run, includeDone]);
  useEffect(() => {
    void load();
  }, [load, version]);

  const done = async (task: Task) => {
    const r = await run(`done-${task.id}`, () => call('art19.done', { taskId: task.id }), `Marked done: ${task.recipientName} has been told.`);
    if (r !== undefined) {
      await load();
      onChanged();
    }
  };

  const open = (tasks ?? []).filter((t) => t.doneAt === null).length;
  return (
    <section className="card" aria-labelledby="art19-title" data-testid="requests-art19">
      <h3 id="art19-title">Art. 19 tasks: who must be told</h3>
      <p className="hint">
        After an erasure or a correction, tell every recipient that received the person’s data, so that they erase or correct it too. Each task says who to tell and how they can
        find the person.
      </p>
      <Checkbox label="Show tasks already done" testId="art19-include-done" checked={includeDone} onChange={setIncludeDone} />
      {tasks === null ? (
        <p className="hint">Loading the tasks…</p>
      ) : tasks.length === 0 ? (
        <p className="hint" data-testid="art19-empty">
          {includeDone ? 'There are no Art. 19 tasks.' : 'No recipient is waiting to be told.'}
        </p>
      ) : (
        <>
          <p className="hint" aria-live="polite" data-testid="art19-count">
            {open === 1 ? 'One recipient is' : `${open} recipients are`} waiting to be told.
          </p>
          <ScrollRegion label="Art. 19 tasks">
            <table className="data" data-testid="art19-table">
              <thead>
                <tr>
                  <th scope="col">Recipient</th>
                  <th scope="col">Tell them of</th>
                  <th scope="col">How they can find the person</th>
                  <th scope="col">Since</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {tasks.map((t) => (
                  <tr key={t.id} data-testid="art19-row">
                    <th scope="row">{t.recipientName}</th>
                    <td>{ART19_KIND_LABELS[t.kind]}</td>
                    <td className="wrap">{t.subject ?? <span className="hint">forgotten once done</span>}</td>
                    <td>{day(t.createdAt)}</td>
                    <td>
                      {t.doneAt ? (
                        <span className="ok-text">
                          <span aria-hidden="true">✓ </span>Done on {day(t.doneAt)}
                        </span>
                      ) : canMarkDone ? (
                        <button type="button" data-testid="art19-done" disabled={busy !== null} aria-describedby={noteId} onClick={() => void done(t)}>
                          Mark done
                        </button>
                      ) : (
                        <span className="warn-text">To do</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p className="hint" id={noteId}>
            {canMarkDone
              ? 'Mark a task done once the recipient has been told: the vault then forgets how to find the person.'
              : 'Only an admin can mark a task done.'}
          </p>
        </>
      )}
    </section>
  );
}
