// Where focus goes after an action (issue 14, renderer/lib/focus-target.ts): the first target that takes it, skipping
// one removed from the page, disabled or not focusable; else the screen's heading, but only when focus has fallen to
// the page's body. The browser suite checks the screens themselves (test/e2e/*.e2e.test.ts: `focused`).
import { describe, expect, it } from 'vitest';
import { byTestId, focusFirst, focusLost, SCREEN_HEADING, type FocusCandidate, type FocusDocument } from '../../renderer/lib/focus-target.js';

/** A page of named controls, each focusable unless said otherwise; focus starts on the body. */
function fakePage(controls: Record<string, { isConnected?: boolean; disabled?: boolean; focusable?: boolean; refuses?: boolean }>) {
  const body = { name: 'body' };
  const doc: FocusDocument & { activeElement: unknown } = { activeElement: body, body, querySelector: (selector) => elements.get(selector) ?? null };
  const elements = new Map<string, FocusCandidate & { name: string }>();
  for (const [selector, c] of Object.entries(controls)) {
    const el: FocusCandidate & { name: string } = {
      name: selector,
      isConnected: c.isConnected ?? true,
      disabled: c.disabled ?? false,
      ...(c.focusable === false
        ? {}
        : {
            focus() {
              // A hidden element (in a closed <details>) is asked and does not take focus.
              if (!c.refuses) doc.activeElement = el;
            },
          }),
    };
    elements.set(selector, el);
  }
  return { doc, body, get: (selector: string) => elements.get(selector)!, focused: () => (doc.activeElement as { name: string }).name };
}

describe('focusFirst', () => {
  it('focuses the first target that takes focus: by selector, element or finder', () => {
    const p = fakePage({ '#a': {}, '#b': {} });
    expect(focusFirst(['#a', '#b'], p.doc)).toBe(p.get('#a'));
    expect(p.focused()).toBe('#a');
    expect(focusFirst([p.get('#b')], p.doc)).toBe(p.get('#b'));
    expect(focusFirst([() => p.get('#a')], p.doc)).toBe(p.get('#a'));
  });

  it('skips a target that is missing, removed, disabled, not focusable or refuses focus', () => {
    const p = fakePage({ '#gone': { isConnected: false }, '#off': { disabled: true }, '#plain': { focusable: false }, '#hidden': { refuses: true }, '#ok': {} });
    expect(focusFirst(['#missing', null, undefined, () => null, '#gone', '#off', '#plain', '#hidden', '#ok'], p.doc)).toBe(p.get('#ok'));
    expect(p.focused()).toBe('#ok');
  });

  it('falls back to the screen’s heading when no target takes focus and focus is lost', () => {
    const p = fakePage({ [SCREEN_HEADING]: {}, '#off': { disabled: true } });
    expect(focusLost(p.doc)).toBe(true);
    expect(focusFirst(['#off'], p.doc)).toBe(p.get(SCREEN_HEADING));
    expect(p.focused()).toBe(SCREEN_HEADING);
  });

  it('leaves focus where it is when no target takes it but focus is not lost', () => {
    const p = fakePage({ [SCREEN_HEADING]: {}, '#here': {} });
    p.get('#here').focus!();
    expect(focusLost(p.doc)).toBe(false);
    expect(focusFirst(['#missing'], p.doc)).toBeNull();
    expect(p.focused()).toBe('#here');
  });

  it('gives up without a heading: null, focus still lost', () => {
    const p = fakePage({});
    expect(focusFirst(['#missing'], p.doc)).toBeNull();
    expect(focusLost(p.doc)).toBe(true);
  });
});

describe('byTestId', () => {
  it('names a test id as a selector, quotes escaped', () => {
    expect(byTestId('entry-Connections.csv')).toBe('[data-testid="entry-Connections.csv"]');
    expect(byTestId('a"b\\c')).toBe('[data-testid="a\\"b\\\\c"]');
  });
});
