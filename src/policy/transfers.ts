// Restricted transfers (UK GDPR Chapter V): a recipient hosted outside the UK receives data lawfully only under a
// transfer mechanism (adequacy regulations, an IDTA, the UK Addendum, binding corporate rules, an Art. 49
// derogation). The hosting region is text a member types, so "in the UK" is read from what it names. Shared by the
// recipients register, which refuses such a recipient without a mechanism, and the Art. 30 record, which flags one
// registered before that rule. Pure.
import type { TransferMechanism } from '../shared/vocabulary.js';

/** Whether a hosting region, as typed, names the UK (or one of its nations). */
export const namesUk = (region: string): boolean => /\b(uk|united kingdom|great britain|gb|england|scotland|wales|northern ireland)\b/i.test(region.replace(/\./g, ''));

/** A recipient hosted, as far as its region says, outside the UK with no transfer mechanism recorded (Art. 44). */
export const lacksTransferMechanism = (r: { hostingRegion: string; transfer: TransferMechanism }): boolean => r.transfer === 'none' && !namesUk(r.hostingRegion);
