// What a read asks, apart from the page it asks for: the key Session.repeatableRead compares, so that reading a list
// page by page is one audit entry, while a read that asks something else (another person, another filter or search)
// is its own entry. A basis check asks about its group: checks run again as the form fills are one reading.
import type { Channel } from '../api/contract.js';

/** The request's paging fields: the same question, another page. */
const PAGING = new Set(['offset', 'after', 'afterSeq', 'beforeSeq', 'limit']);

export function readKeyOf(channel: Channel, request: unknown): string {
  if (typeof request !== 'object' || request === null) return channel;
  const fields = Object.entries(request as Record<string, unknown>);
  const asked = channel === 'policy.check' ? fields.filter(([k]) => k === 'groupId') : fields.filter(([k]) => !PAGING.has(k));
  return `${channel} ${JSON.stringify(Object.fromEntries(asked.sort(([a], [b]) => (a < b ? -1 : 1))))}`;
}
