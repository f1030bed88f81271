// The shapes the Records and CRM export screens use, derived from the contract (src/api/contract.ts).
import type { Request, Response } from '../../../src/api/contract.js';

export type RecipientView = Response<'recipients.list'>[number];
export type RecipientInput = Request<'recipients.add'>;
export type DisclosureView = Response<'disclosures.list'>[number];
export type ControllerDetails = Request<'controller.set'>;
export type ExportPreview = Response<'export.preview'>;
export type ExportResult = Response<'export.crm'>;
