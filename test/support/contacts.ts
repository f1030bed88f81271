// Every contact a filter matches, read a page at a time as a front end must (contacts.list answers at most
// MAX_PAGE): `allContacts` through a router client's `call`, `allContactsOf` through the use case on a session.
import type { Request, Response } from '../../src/api/contract.js';
import { listContacts, type ContactQuery, type ContactView } from '../../src/app/use-cases/contacts.js';
import { MAX_PAGE } from '../../src/shared/vocabulary.js';
import type { Session } from '../../src/vault/session.js';

type ListRequest = Request<'contacts.list'>;
type ListPage = Response<'contacts.list'>;
/** The filter of a list: everything but the paging. */
export type ContactFilter = Omit<ListRequest, 'offset' | 'limit' | 'categoryCounts'>;

/** Every contact `filter` matches, in the list's order, through `call` (a routed client's, or any of its shape). */
export async function allContacts(call: (channel: 'contacts.list', request: ListRequest) => Promise<ListPage>, filter: ContactFilter = {}): Promise<ListPage['contacts']> {
  const out: ListPage['contacts'] = [];
  for (let offset = 0; ; offset += MAX_PAGE) {
    const page = await call('contacts.list', { ...filter, offset, limit: MAX_PAGE });
    out.push(...page.contacts);
    if (offset + MAX_PAGE >= page.total) return out;
  }
}

/** Every contact `filter` matches, through the use case on an unlocked session. */
export function allContactsOf(session: Session, filter: Omit<ContactQuery, 'offset' | 'limit' | 'categoryCounts'> = {}): ContactView[] {
  const out: ContactView[] = [];
  for (let offset = 0; ; offset += MAX_PAGE) {
    const page = listContacts(session, { ...filter, offset, limit: MAX_PAGE });
    out.push(...page.contacts);
    if (offset + MAX_PAGE >= page.total) return out;
  }
}
