// The data category of each column, named after Ethyca's fideslang taxonomy where it has a key, with a sentence a
// non-lawyer understands. Every column of a contact export is about an identifiable person, so personal data.
import type { FieldRole } from '../import/formats.js';

export interface ColumnCategory {
  category: string;
  personalData: boolean;
  explanation: string;
}

const CATEGORIES: Record<FieldRole, ColumnCategory> = {
  'first-name': {
    category: 'user.name.first',
    personalData: true,
    explanation: 'A first name: with the other columns it identifies the person, so it is personal data.',
  },
  'last-name': {
    category: 'user.name.last',
    personalData: true,
    explanation: 'A surname: it identifies the person, so it is personal data.',
  },
  'other-name': {
    category: 'user.name',
    personalData: true,
    explanation: 'Another part of a name (middle, maiden, nickname or title): personal data.',
  },
  'profile-url': {
    category: 'user.contact.url',
    personalData: true,
    explanation: "The person's LinkedIn profile address: a unique identifier that points straight at them.",
  },
  email: {
    category: 'user.contact.email',
    personalData: true,
    explanation:
      'An email address: personal data even at work (firstname.lastname@company). Marketing by email is also governed by PECR.',
  },
  company: {
    category: 'user.workplace',
    personalData: true,
    explanation: 'Where the person works: about them once tied to their name. Free text, so it can hide other details.',
  },
  position: {
    category: 'user.job_title',
    personalData: true,
    explanation:
      'The job title the person wrote: free text, where people also put phone numbers, emails or hints about health, religion or union membership.',
  },
  'connected-on': {
    category: 'user.connected_on',
    personalData: true,
    explanation: 'When you connected: a fact about your relationship with the person, useful to date your retention.',
  },
  phone: {
    category: 'user.contact.phone_number',
    personalData: true,
    explanation: 'A phone number: direct contact details. Marketing calls and texts are governed by PECR.',
  },
  location: {
    category: 'user.contact.address.city',
    personalData: true,
    explanation: 'Where the person lives or works: personal data.',
  },
  country: {
    category: 'user.contact.address.country',
    personalData: true,
    explanation: 'The country of the person’s address or number: personal data once tied to them.',
  },
  'record-date': {
    category: 'system.operations',
    personalData: true,
    explanation: 'When LinkedIn created or updated this entry: about the record rather than the person, but kept with their data.',
  },
  flag: {
    category: 'system.operations',
    personalData: true,
    explanation: 'A flag LinkedIn keeps on the entry: about the record, kept with the person’s data.',
  },
  unknown: {
    category: 'user',
    personalData: true,
    explanation: 'A column LinkedIn does not write (added later?): treated as personal data until someone reviews it.',
  },
};

export function categoryOf(role: FieldRole): ColumnCategory {
  return CATEGORIES[role];
}
