// Which control takes focus after an action that removed, replaced or disabled the focused one (renderer/app/
// use-focus-after.ts asks): the first target still on the page, enabled and focusable; else, when focus has fallen
// to the page's body, the screen's heading. Written against the little of the DOM it needs, so it is unit-tested.

/** As much of an element as focusing needs. */
export interface FocusCandidate {
  readonly isConnected?: boolean;
  readonly disabled?: boolean;
  focus?(): void;
}

/** An element, a CSS selector, or a function that finds one once the render is done. */
export type FocusTarget = FocusCandidate | string | null | undefined | (() => FocusCandidate | null | undefined);

/** As much of the page as focusing needs. */
export interface FocusDocument {
  readonly activeElement: unknown;
  readonly body: unknown;
  querySelector(selector: string): FocusCandidate | null;
}

/** Whether focus has fallen to nowhere in particular: the body, or nothing. */
export function focusLost(doc: FocusDocument): boolean {
  return doc.activeElement === null || doc.activeElement === doc.body;
}

/** The selector of a test id, so targets are named as the tests name them. */
export const byTestId = (id: string): string => `[data-testid="${id.replace(/["\\]/g, '\\$&')}"]`;

/** Where the screen's heading is (renderer/components/screen-heading.tsx): the last resort. */
export const SCREEN_HEADING = '.screen-heading';

/**
 * Focus the first target that takes it (on the page, not disabled, and focused once asked); when none does and focus
 * is lost, the screen's heading. The candidate focused, or null.
 */
export function focusFirst(targets: readonly FocusTarget[], doc: FocusDocument): FocusCandidate | null {
  for (const target of targets) {
    const el = typeof target === 'function' ? target() : typeof target === 'string' ? doc.querySelector(target) : target;
    if (!el || el.isConnected === false || el.disabled === true || typeof el.focus !== 'function') continue;
    el.focus();
    if (doc.activeElement === el) return el;
  }
  if (!focusLost(doc)) return null;
  const heading = doc.querySelector(SCREEN_HEADING);
  heading?.focus?.();
  return heading !== null && doc.activeElement === heading ? heading : null;
}
