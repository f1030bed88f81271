// The CRM export form's rules (renderer/screens/export/export-draft.ts): each problem is named for its field, the
// recipient only when exporting, and the request sent is the preview's (channels and fields in vocabulary order,
// direct marketing only asked, and sent, when the purpose is not always marketing).
import { describe, expect, it } from 'vitest';
import { draftErrors, EMPTY_DRAFT, previewRequest } from '../../renderer/screens/export/export-draft.js';

describe('the CRM export form', () => {
  it('names each problem beside its field; the recipient matters only for the export', () => {
    expect(draftErrors({ ...EMPTY_DRAFT, channels: [], fields: [] }, false)).toEqual({
      channels: expect.stringMatching(/at least one channel/),
      fields: expect.stringMatching(/at least one field/),
      directMarketing: expect.stringMatching(/direct marketing/),
    });
    expect(Object.keys(draftErrors({ ...EMPTY_DRAFT, directMarketing: 'no' }, false))).toEqual([]);
    expect(Object.keys(draftErrors({ ...EMPTY_DRAFT, directMarketing: 'no' }, true))).toEqual(['recipientId']);
    // Prospecting is always direct marketing: not asked.
    expect(draftErrors({ ...EMPTY_DRAFT, purpose: 'prospecting' }, false)).toEqual({});
  });

  it('sends channels and fields in vocabulary order, and direct marketing only for a purpose that is not always marketing', () => {
    const request = previewRequest({ ...EMPTY_DRAFT, channels: ['post', 'email'], fields: ['company', 'firstName'], directMarketing: 'yes' });
    expect(request).toEqual({ purpose: 'networking', channels: ['email', 'post'], fields: ['firstName', 'company'], noticeRun: false, directMarketing: true });
    expect(previewRequest({ ...EMPTY_DRAFT, purpose: 'events', directMarketing: 'no' })).not.toHaveProperty('directMarketing');
  });
});
