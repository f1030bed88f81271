// Destruction certificates: an admin lists them or shows one (as JSON and as text for a DPO's file); anyone holding
// a copy checks it against the vault's audit log without a passphrase (nothing personal is read to do so).
import { ServiceError } from '../../shared/errors.js';
import type { Certificate } from '../../shared/certificate.js';
import { certificateText, type CertificateWords } from '../../shared/certificate.js';
import { BASIS_WORDS } from '../../export/labels.js';
import { findMember } from '../../vault/members.js';
import { certificatesPage, findCertificate, verifyCertificate } from '../../vault/certificates.js';
import type { OpenVault } from '../../vault/open-vault.js';
import type { Session } from '../../vault/session.js';

export function listCertificates(session: Session, page: { offset: number; limit: number }): { total: number; offset: number; certificates: Certificate[] } {
  return session.repeatableRead('certificate-list', () => ({ value: { offset: page.offset, ...certificatesPage(session.db, page.offset, page.limit) } }));
}

export function showCertificate(session: Session, certificateId: string): { certificate: Certificate; text: string } {
  return session.perform('certificate-show', () => {
    const certificate = findCertificate(session.db, certificateId);
    if (!certificate) throw new ServiceError('not-found', 'There is no certificate with that id.');
    return { value: { certificate, text: certificateText(certificate, certificateWords(session)) }, details: { certificateId } };
  });
}

export function checkCertificate(vault: OpenVault, certificate: Certificate): { ok: true } | { ok: false; problem: string } {
  // Read-only on purpose: whoever holds a vault file may check a certificate, and that must not write to it.
  return verifyCertificate(vault, certificate);
}

/** The vault's names for what a certificate holds by id: groups' labels, members' names, bases in words. */
export function certificateWords(session: Session): CertificateWords {
  const groups = new Map(session.groups.list().map((g) => [g.id, g.label]));
  return {
    group: (id) => groups.get(id),
    member: (id) => {
      const m = findMember(session.db, id);
      return m ? session.records.decrypt(m.nameCt, m.id) : undefined;
    },
    basis: (b) => lookupBasis(b),
  };
}

const lookupBasis = (b: string): string => (Object.hasOwn(BASIS_WORDS, b) ? BASIS_WORDS[b as keyof typeof BASIS_WORDS] : b);
