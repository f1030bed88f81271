// The domain's own types, shared by the layers that hold, rule on and format them (storage, policy, retention,
// export) so that none of them has to import another's internals for a shape.

/** What the vault keeps about a person, after the importer's minimisation choices. Encrypted as a whole. */
export interface StoredContact {
  firstName: string;
  lastName: string;
  profileUrl: string | null;
  email: string | null;
  company: string;
  position: string;
  connectedOn: string | null;
  /** Art. 9/10 categories hinted at in what was kept (stripped hints are not listed). */
  specialCategories: string[];
  /**
   * Art. 9/10 categories whose hints the importer stripped out before storing (sorted, each once): the categories
   * only, never the words removed. Contacts stored before this field existed read as [] (ContactsRepo.open).
   */
  strippedCategories: string[];
  soleTrader: boolean;
  /** Columns LinkedIn does not write, kept unless dropped. */
  extra: Record<string, string>;
  source: { importId: string; line: number };
}
