// The shape of the special-category lexicon: per category, its terms sorted by how much context they need before
// they say something about the person, and the public vocabularies they were taken from.
import type { SpecialCategory } from '../categories.js';

/**
 * How a term is read (src/classify/special-category/detect.ts):
 * - `self`: describes the person whatever else the clause says ("ex-offender", "LGBTQ+", "wheelchair user"),
 *   unless the clause serves other people who are so ("mentor to ex-offenders", "support for autistic adults").
 * - `office`: a role held in a union, a party or a faith ("shop steward", "imam", "councillor"): counts unless it is
 *   part of a proper noun (a street, a school, a company).
 * - `body`: the name of a union, party, faith or faith body ("UNISON", "Labour Party", "Church of England"):
 *   belonging to it, holding a role in it or working for it counts; reporting on it, studying it or an institution
 *   named after it (a school, a hospital) does not.
 * - `subject`: a condition, faith, ethnic group or orientation named as a subject ("diabetes", "Buddhist",
 *   "Pakistani", "bisexual"): counts with a cue about the person ("living with", "proud", "member of", a network or
 *   a person noun such as "woman" or "founder") or standing alone as a clause of a headline; not in an occupation that
 *   serves or studies it ("diabetes nurse", "RE teacher") or in a proper noun.
 * - `ambiguous`: an everyday word or acronym that names a body only in context ("Unite", "Equity", "Prospect",
 *   "Green", "Reform", "MS"): counts with one of its category's cues near it (anywhere near, when it stands alone in
 *   its clause: "rep (Unite)"). Two exceptions: a national origin ("Black", "Chinese") is read like a subject, and a
 *   health, orientation or gender-identity word standing alone as a clause labels the person ("Engineer | Trans").
 */
export type TermKind = 'self' | 'office' | 'body' | 'subject' | 'ambiguous';

export interface CategoryLexicon {
  category: SpecialCategory;
  /** The public vocabularies the terms were taken from, as a reader can find them. */
  sources: readonly string[];
  terms: Partial<Record<TermKind, readonly string[]>>;
  /**
   * Words that, in the same clause, show a term is about this category and the person: a union's roles for a union's
   * acronym ("rep", "steward", "branch secretary"), a party's for a party's name ("candidate", "activist").
   */
  cues: readonly string[];
}
