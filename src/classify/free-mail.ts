// Free-mail (consumer mailbox) domains from the maintained `email-providers` list (about 8,700 domains).
// Under PECR an address at one of them belongs to an individual subscriber: email marketing needs consent or the soft
// opt-in (reg. 22(2)-(3)).
import providers from 'email-providers';

const FREE_MAIL = new Set<string>(providers);

export type MailboxKind = 'personal' | 'corporate';

/** Classify an address's domain (already lower-cased). Sub-domains of a free-mail domain count as free mail. */
export function mailboxKind(domain: string): MailboxKind {
  if (FREE_MAIL.has(domain)) return 'personal';
  const dot = domain.indexOf('.');
  return dot > 0 && FREE_MAIL.has(domain.slice(dot + 1)) && domain.split('.').length > 2 ? 'personal' : 'corporate';
}
