// Writes synthetic LinkedIn connections exports for tests and benchmarks. Every person is invented and the output
// is deterministic for a seed. Like real exports, about 1 row in 200 carries something a sanitizer must notice.
//
//   node bench/generate-export.js --rows 30000 --out /tmp/Connections.csv [--seed 7] [--variant legacy] [--crlf] [--bom]
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const FIRST = ['James', 'Olivia', 'Mohammed', 'Aoife', 'Zoë', 'Łukasz', 'Siobhán', 'Chloé', 'José', 'Priya', 'Wei', 'Yuki',
  'Oluwaseun', 'Søren', 'François', 'Anaïs', 'Björn', 'Dmitri', 'Fatima', 'Ngozi', 'Hamish', 'Rhiannon', 'Tomás', 'Mei-Ling',
  'Jean-Luc', "D'Arcy", 'Ana María', '李', 'محمد', 'Åsa', 'Ülkü', 'Eleanor', 'Kwame', 'Saoirse', 'Raj', 'Emily', 'Liam'];
const LAST = ['Smith', 'Jones', "O'Brien", 'García López', 'Nguyen', 'Müller', 'Kowalski', 'Ní Bhriain', 'van der Berg',
  'Okafor', 'Patel', 'Tanaka', 'Johansson', 'Dubois', 'MacLeod', 'Ivanova', 'Chen', 'Al-Farsi', 'Øster', 'Papadopoulos',
  'Smith-Jones', 'Brown', 'Wilson', 'Taylor', 'Evans', 'Thomas', '王', 'Ahmed', 'Lefèvre', 'Fitzgerald', 'Mbeki'];
const COMPANIES = ['Acme Ltd', 'Globex Corporation', 'Initech', 'Umbrella plc', 'Stark Industries', 'Wayne Enterprises',
  'Hooli', 'Vandelay Industries', 'Northwind Traders', 'Contoso, Ltd.', 'Fabrikam Inc', 'Tyrell Corp', 'Soylent',
  'Cyberdyne Systems', 'Self-employed', 'Freelance', '', 'NHS Digital', 'Ministry of Widgets', 'Widget & Sons',
  '"Quoted" Holdings', 'Müller GmbH', 'Société Générale de Test', '株式会社テスト', 'Stealth Startup'];
const TITLES = ['Chief Executive Officer', 'Head of Sales', 'Software Engineer', 'Senior Recruiter', 'Marketing Manager',
  'Finance Director', 'Founder', 'Co-Founder & CTO', 'Account Executive', 'Data Protection Officer', 'HR Business Partner',
  'Student', 'Consultant', 'Product Manager', 'Operations Lead', 'Partner', 'Retired', 'Office Manager', 'Nurse Practitioner',
  'Procurement Specialist', 'VP, Engineering', 'Director of IT', 'Sales Development Representative', ''];
const CORPORATE = ['acme.co.uk', 'globex.com', 'initech.io', 'umbrella.example', 'hooli.xyz', 'contoso.com', 'fabrikam.de'];
const FREE = ['gmail.com', 'outlook.com', 'hotmail.co.uk', 'yahoo.com', 'icloud.com', 'btinternet.com', 'gmx.de', 'proton.me'];
const SPECIAL = ['Trade Union Representative', 'Unite the Union shop steward', 'Pastor at Grace Church', 'Imam', 'Chaplain',
  'Labour Party councillor', 'Conservative Party candidate', 'LGBTQ+ Network Chair', 'Living with MS, advocate',
  'Mental health recovery coach (my own story)', 'HIV+ activist', 'Diabetes UK volunteer', 'Synagogue administrator'];
const FORMULAS = ['=HYPERLINK("http://evil.example","click")', '+44 CEO', '-2+3', '@SUM(A1:A9)', "=cmd|' /C calc'!A0", '\t=1+1'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const NOTES = '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"';

/**
 * @typedef {{ rows: number, seed?: number, variant?: 'current' | 'legacy', emailRate?: number }} GenerateOptions
 */

/** @param {string} v */
function csv(v) {
  return /[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
/** @param {string} s */
function slug(s) {
  return s.normalize('NFKD').replace(/[^\w]+/g, '').toLowerCase() || 'member';
}

/**
 * The export's lines (a record with an embedded line break is one item), preamble and header first.
 * @param {GenerateOptions} options
 * @returns {Generator<string>}
 */
export function* exportLines({ rows, seed = 1, variant = 'current', emailRate = 0.15 }) {
  let state = (seed * 2654435761) >>> 0 || 1;
  const rand = () => {
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    return state / 4294967296;
  };
  /** @type {<T>(xs: T[]) => T} */
  const pick = (xs) => /** @type {any} */ (xs[Math.floor(rand() * xs.length)]);
  if (variant === 'current') {
    yield 'Notes:';
    yield NOTES;
    yield '';
    yield 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
  } else {
    yield 'First Name,Last Name,Email Address,Company,Position,Connected On';
  }
  let previous = '';
  for (let i = 0; i < rows; i++) {
    if (previous && rand() < 0.002) {
      yield previous; // an exact duplicate row
      continue;
    }
    const f = pick(FIRST);
    const l = pick(LAST);
    const company = pick(COMPANIES);
    let position = pick(TITLES);
    const r = rand();
    if (r < 0.002) position = `${position} | call me on +44 7700 900${String(Math.floor(rand() * 1000)).padStart(3, '0')}`;
    else if (r < 0.004) position = `${position} (${slug(f)}.${slug(l)}@${pick(FREE)})`;
    else if (r < 0.007) position = pick(SPECIAL);
    else if (r < 0.008) position = pick(FORMULAS);
    else if (r < 0.009) position = `${position}\n${pick(TITLES)}`;
    else if (r < 0.01) position = `"The ${pick(TITLES)}"`;
    let email = '';
    if (rand() < emailRate) {
      const domain = company && rand() < 0.6 ? pick(CORPORATE) : pick(FREE);
      email = `${slug(f)}.${slug(l)}${Math.floor(rand() * 100)}@${domain}`;
    }
    const date = `${String(1 + Math.floor(rand() * 28)).padStart(2, '0')} ${pick(MONTHS)} ${2008 + Math.floor(rand() * 19)}`;
    const url = `https://www.linkedin.com/in/${slug(f)}-${slug(l)}-${(i * 7919 + 12345).toString(36)}`;
    const cells = variant === 'current' ? [f, l, url, email, company, position, date] : [f, l, email, company, position, date];
    previous = cells.map(csv).join(',');
    yield previous;
  }
}

/**
 * Write an export to a file.
 * @param {string} path
 * @param {GenerateOptions & { crlf?: boolean, bom?: boolean }} options
 */
export async function writeExport(path, options) {
  const out = createWriteStream(path);
  const eol = options.crlf ? '\r\n' : '\n';
  if (options.bom) out.write('\uFEFF');
  let batch = [];
  for (const line of exportLines(options)) {
    batch.push(line);
    if (batch.length === 4000) {
      if (!out.write(batch.join(eol) + eol)) await once(out, 'drain');
      batch = [];
    }
  }
  if (batch.length) out.write(batch.join(eol) + eol);
  out.end();
  await once(out, 'finish');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  /** @param {string} name */
  const arg = (name) => {
    const i = args.indexOf(`--${name}`);
    return i === -1 ? undefined : args[i + 1];
  };
  const out = arg('out');
  if (!out) {
    process.stderr.write('usage: node bench/generate-export.js --rows N --out FILE [--seed N] [--variant current|legacy] [--crlf] [--bom]\n');
    process.exit(64);
  }
  await writeExport(out, {
    rows: Number(arg('rows') ?? 1000),
    seed: Number(arg('seed') ?? 1),
    variant: arg('variant') === 'legacy' ? 'legacy' : 'current',
    crlf: args.includes('--crlf'),
    bom: args.includes('--bom'),
  });
}
