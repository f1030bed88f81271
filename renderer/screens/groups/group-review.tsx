// The group's review (contacts.review): a data owner who has gone through the group's contacts records it, and
// retention counted from the last review starts again from today for them (retention policies and the default
// anchored on "the last review", docs/retention.md). It never brings a destruction forward, so it asks nothing first.
import { call } from '../../api.js';
import { useAction } from '../../app/use-action.js';
import { useFocusAfter } from '../../app/use-focus-after.js';
import { count, longDay } from '../../lib/format.js';
import type { GroupView } from '../../types.js';

export function GroupReview({ group, contacts, onReviewed }: { group: GroupView; contacts: number; onReviewed(): void }) {
  const { busy, run } = useAction();
  const focus = useFocusAfter();
  const review = () =>
    focus.keep(async () => {
      const r = await run('review', () => call('contacts.review', { groupId: group.id }), (v) => `Marked ${count(v.reviewed, 'contact')} of “${group.label}” reviewed on ${longDay(v.reviewedAt)}.`);
      if (r) onReviewed();
    });
  return (
    <section className="card" aria-labelledby="group-review-title" data-testid="group-review">
      <h4 id="group-review-title">Review</h4>
      <p className="hint">
        When you have checked that these contacts are still needed, record it: retention counted from the last review starts again today for them.
      </p>
      <button type="button" data-testid="review-group" disabled={busy !== null || contacts === 0} aria-busy={busy !== null} onClick={() => void review()}>
        {busy ? 'Recording…' : `Mark ${count(contacts, 'contact')} reviewed`}
      </button>
      {contacts === 0 ? <p className="hint">No contact is in this group yet.</p> : null}
    </section>
  );
}
