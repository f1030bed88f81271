// The data categories of a contact's columns in words (src/classify/columns.ts names them by Ethyca's fideslang keys,
// which are for machines: `inspect --json`). The one list of labels every screen and document shows: the import's
// columns, the Art. 30 record. (The privacy notice speaks to the person, "your job title": its own words.) Pure.

export const DATA_CATEGORY_LABELS: Readonly<Record<string, string>> = {
  'user.name.first': 'First name',
  'user.name.last': 'Last name',
  'user.name': 'Name',
  'user.contact.url': 'Profile address',
  'user.contact.email': 'Email address',
  'user.workplace': 'Employer',
  'user.job_title': 'Job title',
  'user.connected_on': 'Date connected',
  'user.contact.phone_number': 'Phone number',
  'user.contact.address.city': 'City',
  'user.contact.address.country': 'Country',
  'system.operations': 'Not about the person',
  user: 'About the person (unrecognised column)',
};

/** A category key in words; a key this list does not know is "Other personal data", never the key itself. */
export function dataCategoryLabel(category: string): string {
  return Object.hasOwn(DATA_CATEGORY_LABELS, category) ? DATA_CATEGORY_LABELS[category]! : 'Other personal data';
}
