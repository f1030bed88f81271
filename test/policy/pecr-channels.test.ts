// PECR per channel (reg. 22 for electronic mail, reg. 21(1)(b) and 21(4) for calls): each rule firing and not firing.
import { describe, expect, it } from 'vitest';
import { channelVerdict, phoneScreeningProblem, type ChannelFacts } from '../../src/policy/pecr-channels.js';
import { addDays } from '../../src/policy/dates.js';
import type { ContactChannel } from '../../src/shared/vocabulary.js';

const facts = (f: Partial<ChannelFacts> = {}): ChannelFacts => ({
  subscriber: 'individual',
  confirmed: false,
  basis: 'legitimate-interests',
  consentChannels: new Set<ContactChannel>(),
  softOptInChannels: new Set<ContactChannel>(),
  ...f,
});

describe('channelVerdict (PECR reg. 22, 23)', () => {
  it.each(['email', 'sms', 'linkedin'] as const)('%s to an individual subscriber needs consent or a soft opt-in covering it', (channel) => {
    expect(channelVerdict(channel, facts())).toEqual({ allowed: false, reason: 'individual-subscriber-without-consent' });
    expect(channelVerdict(channel, facts({ consentChannels: new Set([channel]) }))).toEqual({ allowed: true, by: 'consent' });
    // Consent or a soft opt-in for another channel does not count.
    expect(channelVerdict(channel, facts({ consentChannels: new Set(['post']), softOptInChannels: new Set(['phone']) })).allowed).toBe(false);
  });

  it('a soft opt-in covers the channels it names', () => {
    expect(channelVerdict('email', facts({ softOptInChannels: new Set(['email']) }))).toEqual({ allowed: true, by: 'soft-opt-in' });
    expect(channelVerdict('sms', facts({ softOptInChannels: new Set(['email']) })).allowed).toBe(false);
  });

  it('electronic mail to a corporate subscriber is allowed (with the sender identified and an opt-out, reg. 23)', () => {
    expect(channelVerdict('email', facts({ subscriber: 'corporate' }))).toEqual({ allowed: true, by: 'corporate-subscriber' });
  });

  it.each(['sms', 'linkedin'] as const)('%s counts a corporate subscriber only when a person confirmed it: the email domain says nothing of the phone or the account', (channel) => {
    expect(channelVerdict(channel, facts({ subscriber: 'corporate' }))).toEqual({ allowed: false, reason: 'individual-subscriber-without-consent' });
    expect(channelVerdict(channel, facts({ subscriber: 'corporate', confirmed: true }))).toEqual({ allowed: true, by: 'corporate-subscriber' });
    // Confirmed individual stays individual.
    expect(channelVerdict(channel, facts({ subscriber: 'individual', confirmed: true })).allowed).toBe(false);
  });

  it("in a consent group the person's own consent must cover the channel, even for a corporate subscriber", () => {
    expect(channelVerdict('email', facts({ subscriber: 'corporate', basis: 'consent' }))).toEqual({ allowed: false, reason: 'consent-does-not-cover-channel' });
    expect(channelVerdict('email', facts({ basis: 'consent', consentChannels: new Set(['email']) })).allowed).toBe(true);
  });

  it('post and phone are not decided per person here (post is outside PECR; calls follow the TPS and CTPS)', () => {
    expect(channelVerdict('post', facts())).toEqual({ allowed: true, by: 'not-electronic-mail' });
    expect(channelVerdict('phone', facts())).toEqual({ allowed: true, by: 'not-electronic-mail' });
  });
});

describe('phoneScreeningProblem (PECR reg. 21(1)(b), 21(4); the ICO 28-day rule)', () => {
  const TODAY = '2026-03-01';
  const both = { tps: true, ctps: true };

  it('is quiet with a screening of each list needed within the 28 days up to today', () => {
    expect(phoneScreeningProblem([{ screenedOn: addDays(TODAY, -28), list: 'both' }], TODAY, both)).toBeNull();
    expect(phoneScreeningProblem([{ screenedOn: TODAY, list: 'tps' }, { screenedOn: '2026-02-20', list: 'ctps' }], TODAY, both)).toBeNull();
    expect(phoneScreeningProblem([], TODAY, { tps: false, ctps: false })).toBeNull(); // nobody to call
  });

  it('fires 29 days after the screening, naming its day', () => {
    const problem = phoneScreeningProblem([{ screenedOn: addDays(TODAY, -29), list: 'tps' }], TODAY, { tps: true, ctps: false });
    expect(problem).toBe(
      'Phone marketing needs the numbers screened against the TPS (for individual subscribers) within the 28 days before the calls (PECR reg. 21(1)(b), 21(4); ICO guidance): ' +
        'the last screening recorded was on 2026-01-31, so screen again, record it with tps record, and export again.',
    );
  });

  it('fires for the list not screened: the CTPS for corporate subscribers', () => {
    expect(phoneScreeningProblem([{ screenedOn: TODAY, list: 'tps' }], TODAY, both)).toMatch(/screened against the CTPS \(for corporate subscribers\).*no screening is recorded/);
  });

  it('a screening dated after today does not count', () => {
    expect(phoneScreeningProblem([{ screenedOn: '2026-03-02', list: 'both' }], TODAY, both)).not.toBeNull();
  });
});

describe('addDays', () => {
  it('crosses months and leap days', () => {
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -28)).toBe('2026-02-01');
  });
});
