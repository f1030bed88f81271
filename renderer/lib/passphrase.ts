// A passphrase strength meter for the unlock, create and member forms: length first (the vault refuses fewer
// than 12 characters), then the variety of characters, less common weaknesses. Pure, so it is unit-tested.

/** The vault's own minimum (src/vault/vault.ts checkPassphrase counts NFC UTF-16 units). */
export const MIN_PASSPHRASE_LENGTH = 12;

export type StrengthLabel = 'too short' | 'weak' | 'fair' | 'good' | 'strong';

export interface Strength {
  /** 0 (too short) to 4 (strong). */
  score: 0 | 1 | 2 | 3 | 4;
  label: StrengthLabel;
  length: number;
  /** How many kinds of character: lower case, upper case, digits, spaces or symbols, letters beyond ASCII. */
  variety: number;
  meetsMinimum: boolean;
  /** What would make it stronger, in plain words. */
  hints: string[];
}

const LABELS: StrengthLabel[] = ['too short', 'weak', 'fair', 'good', 'strong'];
const SCORES = [0, 1, 2, 3, 4] as const;
const COMMON = ['password', 'passphrase', 'qwerty', 'letmein', 'welcome', 'linkedin', 'admin', '123456', 'abcdef'];

export function characterVariety(text: string): number {
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[\s\p{P}\p{S}]/u, /[\u0080-\u{10FFFF}]/u];
  return kinds.filter((re) => re.test(text)).length;
}

/** True for one character repeated, or a run like 'abcdefgh' / '12345678' making up most of the text. */
function isMonotonous(text: string): boolean {
  if (text.length === 0) return false;
  if (new Set(text).size <= 2) return true;
  let run = 1;
  let longest = 1;
  for (let i = 1; i < text.length; i++) {
    const step = text.charCodeAt(i) - text.charCodeAt(i - 1);
    run = step === 1 || step === -1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  return longest >= text.length / 2;
}

export function passphraseStrength(passphrase: string): Strength {
  const text = passphrase.normalize('NFC');
  const length = text.length;
  const variety = characterVariety(text);
  const meetsMinimum = length >= MIN_PASSPHRASE_LENGTH;
  const hints: string[] = [];
  if (!meetsMinimum) hints.push(`Use at least ${MIN_PASSPHRASE_LENGTH} characters (${MIN_PASSPHRASE_LENGTH - length} more).`);
  let points = length >= 24 ? 3 : length >= 18 ? 2 : length >= MIN_PASSPHRASE_LENGTH ? 1 : 0;
  if (length < 24) hints.push('Longer is stronger: four or more unrelated words work well.');
  points += variety >= 3 ? 2 : variety === 2 ? 1 : 0;
  if (variety < 3) hints.push('Mix in capitals, digits, spaces or symbols.');
  const lower = text.toLowerCase();
  if (isMonotonous(text)) {
    points -= 2;
    hints.push('Avoid repeated characters and runs such as "abcd" or "1234".');
  }
  if (COMMON.some((word) => lower.includes(word))) {
    points -= 1;
    hints.push('Avoid common words such as "password".');
  }
  const score = SCORES[meetsMinimum ? Math.min(4, Math.max(1, points)) : 0] ?? 0;
  return { score, label: LABELS[score]!, length, variety, meetsMinimum, hints: score === 4 ? [] : hints };
}
