// Cutting fragments out of a cell of free text (src/vault/minimise.ts) and tidying what the cuts leave behind, so
// that "Engineer | Living with MS | Leeds" loses its middle clause as "Engineer | Leeds", not "Engineer |  | Leeds".

export interface Span {
  start: number;
  end: number;
}

/**
 * Remove spans (they may overlap) from a cell and tidy what each cut leaves where it was: empty brackets, separators
 * with nothing on one side, doubled spaces. What no cut touched stays as written ("https://…", "A || B").
 */
export function cutSpans(text: string, spans: readonly Span[]): string {
  const kept: string[] = [];
  let at = 0;
  for (const s of merged(spans)) {
    kept.push(text.slice(at, s.start));
    at = s.end;
  }
  kept.push(text.slice(at));
  return tidy(kept);
}

function merged(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

// The pieces of a cell: spaces, brackets, separators (the clause separators of src/classify/special-category/clauses.ts:
// a hyphen only between spaces, so "Berners-Lee" is one word; a full stop only before a space, so "x.com" is one; a
// hashtag's "#"; an emoji) and runs of anything else.
const PIECE = /(\s+)|([([{])|([)\]}])|([|·•,;/–—#]|\p{Extended_Pictographic}|(?<=^|\s)-(?=\s|$)|\.(?=\s|$))|(?:[^\s([{)\]}|·•,;/–—#.\p{Extended_Pictographic}]|\.(?!\s|$))+/gu;
const ENDS = /^[\s|,;:/·•–—#.-]+|[\s|,;:/·•–—#-]+$/g;

type Kind = 'open' | 'close' | 'separator' | 'text';
interface Piece {
  text: string;
  kind: Kind;
  /** The spaces before it, as written. */
  gap: string;
  /** A cut lies between it and the piece kept before it. */
  cut: boolean;
}

/** Join what the cuts left, dropping at each cut what separates or encloses nothing any more. */
function tidy(kept: string[]): string {
  const out: Piece[] = [];
  let gap = '';
  let cut = false;
  const kindOf = (m: RegExpMatchArray): Kind => (m[2] ? 'open' : m[3] ? 'close' : m[4] ? 'separator' : 'text');
  for (let k = 0; k < kept.length; k++) {
    cut ||= k > 0;
    for (const m of kept[k]!.matchAll(PIECE)) {
      if (m[1] !== undefined) {
        gap += m[1];
        continue;
      }
      const kind = kindOf(m);
      const last = out.at(-1)?.kind;
      // After a cut, a separator at the start, after an opening bracket or after another separator separates nothing.
      if (cut && kind === 'separator' && (last === undefined || last === 'open' || last === 'separator')) continue;
      if (cut && kind === 'close' && closesNothing(out)) {
        gap = out.pop()!.gap + gap;
        continue;
      }
      out.push({ text: m[0], kind, gap, cut });
      gap = '';
      if (kind === 'text') cut = false;
    }
  }
  if (cut) while (out.at(-1)?.kind === 'separator' || out.at(-1)?.kind === 'open') out.pop();
  return out
    .map((p, i) => spacing(p, out[i - 1]) + p.text)
    .join('')
    .replace(ENDS, '');
}

/**
 * Before a closing bracket that follows a cut: drop the separators left dangling, and a label left alone
 * ("(contact: )" once the address is cut). True when the bracket is then empty (its opening is the last piece).
 */
function closesNothing(out: Piece[]): boolean {
  while (out.at(-1)?.kind === 'separator') out.pop();
  if (out.at(-1)?.text.endsWith(':') && out.at(-2)?.kind === 'open') out.pop();
  return out.at(-1)?.kind === 'open';
}

/** The space before a piece: none at the start or inside brackets after a cut; runs of spaces made one. */
function spacing(p: Piece, before: Piece | undefined): string {
  if (before === undefined || p.gap === '') return '';
  if (p.cut && (p.kind === 'close' || before.kind === 'open')) return '';
  if (!p.cut && p.gap.length === 1) return p.gap;
  return p.gap.includes('\n') ? '\n' : ' ';
}
