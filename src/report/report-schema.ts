// The inspection report: the one shape that `inspect --json`, the UI preview and tests agree on.
import { z } from 'zod';
import { FINDING_KINDS } from '../classify/findings.js';

export const FindingSchema = z.object({
  line: z.number().int().positive(),
  column: z.string().nullable(),
  kind: z.enum(FINDING_KINDS),
  detail: z.string(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
  category: z.string().optional(),
});

export const InspectReportSchema = z.object({
  source: z.object({
    container: z.enum(['csv', 'zip']),
    entry: z.string().nullable(),
    encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']),
    bom: z.boolean(),
    delimiter: z.enum([',', ';', '\t']),
    lineEnding: z.enum(['lf', 'crlf', 'cr']),
    kind: z.enum(['linkedin-connections', 'linkedin-imported-contacts']),
    variant: z.enum(['current', '2022', 'legacy', 'no-email', 'imported-contacts']),
    preamble: z.boolean(),
    headerLine: z.number().int().positive(),
    bytes: z.number().int().nonnegative(),
    archive: z.array(z.object({ name: z.string(), bytes: z.number().int().nonnegative(), description: z.string() })),
  }),
  /** Data records read, flagged ones included; malformed records are in `errors`, not here. */
  records: z.number().int().nonnegative(),
  columns: z.array(
    z.object({
      header: z.string(),
      category: z.string(),
      personalData: z.boolean(),
      filled: z.number().int().nonnegative(),
      explanation: z.string(),
    }),
  ),
  findings: z.array(FindingSchema),
  errors: z.array(z.object({ line: z.number().int().positive(), message: z.string() })),
  summary: z.object({
    byKind: z.record(z.string(), z.number().int()),
    byColumn: z.record(z.string(), z.number().int()),
    contactsWithEmail: z.number().int().nonnegative(),
  }),
  notes: z.array(z.string()),
});

export type InspectReport = z.infer<typeof InspectReportSchema>;
export type ReportFinding = z.infer<typeof FindingSchema>;
