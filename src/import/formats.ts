// What LinkedIn files look like: the columns of the files we import, and the headers of the ones we refuse by name.

/** What a column holds, whatever its header says. Classification and normalisation work on roles, not headers. */
export type FieldRole =
  | 'first-name'
  | 'last-name'
  | 'other-name'
  | 'profile-url'
  | 'email'
  | 'company'
  | 'position'
  | 'connected-on'
  | 'phone'
  | 'location'
  | 'country'
  | 'record-date'
  | 'flag'
  | 'unknown';

export type ImportKind = 'linkedin-connections' | 'linkedin-imported-contacts';

/** Headers are compared lower-cased with spaces, underscores, hyphens and quotes removed: "E-mail Address" = "emailaddress". */
export function headerKey(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s_\-"'.:]+/g, '');
}

const CONNECTIONS_COLUMNS: Record<string, FieldRole> = {
  firstname: 'first-name',
  givenname: 'first-name',
  lastname: 'last-name',
  surname: 'last-name',
  familyname: 'last-name',
  url: 'profile-url',
  profileurl: 'profile-url',
  linkedinurl: 'profile-url',
  publicprofileurl: 'profile-url',
  emailaddress: 'email',
  email: 'email',
  company: 'company',
  organisation: 'company',
  organization: 'company',
  position: 'position',
  jobtitle: 'position',
  title: 'position',
  connectedon: 'connected-on',
  connectiondate: 'connected-on',
};

const IMPORTED_CONTACTS_COLUMNS: Record<string, FieldRole> = {
  firstname: 'first-name',
  middlename: 'other-name',
  lastname: 'last-name',
  maidenname: 'other-name',
  nickname: 'other-name',
  nameprefix: 'other-name',
  namesuffix: 'other-name',
  title: 'position',
  companies: 'company',
  emails: 'email',
  phonenumbers: 'phone',
  createdat: 'record-date',
  updatedat: 'record-date',
  countrycode: 'country',
  regioncode: 'location',
  location: 'location',
  thirdpartyverified: 'flag',
};

export interface ColumnBinding {
  /** Position in each record. */
  index: number;
  /** The header as written in the file. */
  header: string;
  role: FieldRole;
}

export interface RecognisedHeader {
  kind: ImportKind;
  columns: ColumnBinding[];
  has: Set<FieldRole>;
}

/** Recognise a header row of a file we can import, or return null. */
export function recogniseImportHeader(cells: string[]): RecognisedHeader | null {
  const keys = cells.map(headerKey);
  const set = new Set(keys);
  if (set.has('firstname') && set.has('lastname') && set.has('emails') && set.has('phonenumbers')) {
    return bind('linkedin-imported-contacts', cells, keys, IMPORTED_CONTACTS_COLUMNS);
  }
  const roles = new Set(keys.map((k) => CONNECTIONS_COLUMNS[k]).filter((r) => r !== undefined));
  const names = roles.has('first-name') && roles.has('last-name');
  const connections =
    names &&
    (roles.has('connected-on') ||
      ((roles.has('profile-url') || roles.has('email')) && roles.has('company') && roles.has('position')));
  return connections ? bind('linkedin-connections', cells, keys, CONNECTIONS_COLUMNS) : null;
}

function bind(kind: ImportKind, cells: string[], keys: string[], table: Record<string, FieldRole>): RecognisedHeader {
  const seen = new Set<FieldRole>();
  const columns = cells.map((header, index) => {
    let role = table[keys[index] ?? ''] ?? 'unknown';
    // A second column with the same single-valued role (two "Email" columns) is kept but not trusted as that role.
    if (role !== 'unknown' && role !== 'other-name' && role !== 'record-date' && seen.has(role)) role = 'unknown';
    seen.add(role);
    return { index, header: header.replace(/^\uFEFF/, '').trim(), role };
  });
  return { kind, columns, has: seen };
}

/** Other files of the LinkedIn archive, recognised by columns only they have, so a wrong drop gets a useful answer. */
const OTHER_LINKEDIN_FILES: { file: string; what: string; needs: string[] }[] = [
  { file: 'messages.csv', what: 'your LinkedIn messages', needs: ['conversationid', 'from', 'to', 'content'] },
  { file: 'Invitations.csv', what: 'your sent and received invitations', needs: ['from', 'to', 'sentat', 'direction'] },
  { file: 'Profile.csv', what: 'your own LinkedIn profile', needs: ['firstname', 'lastname', 'headline', 'birthdate'] },
  { file: 'Positions.csv', what: 'your own job history', needs: ['companyname', 'title', 'startedon'] },
  { file: 'Education.csv', what: 'your own education history', needs: ['schoolname', 'degreename'] },
  { file: 'Email Addresses.csv', what: 'your own email addresses', needs: ['emailaddress', 'confirmed', 'primary'] },
  { file: 'PhoneNumbers.csv', what: 'your own phone numbers', needs: ['number', 'type', 'extension'] },
  { file: 'Skills.csv', what: 'your skills', needs: ['name'] },
  { file: 'Endorsement_Received_Info.csv', what: 'endorsements you received', needs: ['endorsementdate', 'skillname'] },
  { file: 'Recommendations_Received.csv', what: 'recommendations you received', needs: ['text', 'creationdate', 'status'] },
  { file: 'Company Follows.csv', what: 'companies you follow', needs: ['organization', 'followedon'] },
  { file: 'Reactions.csv', what: 'your reactions to posts', needs: ['date', 'type', 'link'] },
  { file: 'Shares.csv', what: 'your posts', needs: ['sharelink', 'sharecommentary'] },
  { file: 'Comments.csv', what: 'your comments', needs: ['date', 'link', 'message'] },
];

/** Name the LinkedIn file a header belongs to, when it is one we do not import. */
export function recogniseOtherLinkedInFile(cells: string[]): { file: string; what: string } | null {
  const keys = new Set(cells.map(headerKey));
  // Skills.csv has a single "Name" column: only accept that exact shape.
  for (const candidate of OTHER_LINKEDIN_FILES) {
    if (candidate.needs.length === 1 ? keys.size === 1 && keys.has(candidate.needs[0]!) : candidate.needs.every((k) => keys.has(k))) {
      return { file: candidate.file, what: candidate.what };
    }
  }
  return null;
}

/** What the archive's files hold, for the list shown when a ZIP is opened. */
export function describeArchiveEntry(name: string): string {
  const base = name.split('/').pop()!.toLowerCase();
  if (base === 'connections.csv') return 'your connections: the file this app imports';
  if (base === 'importedcontacts.csv') {
    return 'the address book you uploaded to LinkedIn: people who never connected with you; imported only if you ask for it';
  }
  const known = OTHER_LINKEDIN_FILES.find((f) => f.file.toLowerCase() === base);
  return known ? `${known.what}: not imported` : 'not imported';
}
