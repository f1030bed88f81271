// One LinkedIn record through the inspector and minimise, as a commit does it, for the tests of stripping.
import { Inspector } from '../../src/classify/inspector.js';
import { toContact } from '../../src/import/contact.js';
import { recogniseImportHeader } from '../../src/import/formats.js';
import { CommitChoicesSchema, minimise, type Minimised } from '../../src/vault/minimise.js';
import { HEADER } from './fixtures.js';

/** The connections header and one column LinkedIn does not write ("Notes"), kept in StoredContact.extra. */
const { columns } = recogniseImportHeader([...HEADER.split(','), 'Notes'])!;

export function minimised(fields: { company?: string; position?: string; notes?: string }, choices: Record<string, unknown> = { strip: ['special-category'] }): Minimised {
  const cells = ['Ada', 'Lovelace', 'https://www.linkedin.com/in/ada', '', fields.company ?? 'Acme Ltd', fields.position ?? '', '10 Dec 2019', fields.notes ?? ''];
  const record = { line: 2, cells };
  const findings = new Inspector(columns, { defaultCountry: 'GB' }).recordFindings(record);
  return minimise(toContact(record, columns), findings, columns, CommitChoicesSchema.parse(choices));
}
