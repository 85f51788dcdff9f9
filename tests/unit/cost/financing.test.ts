import { describe, expect, it } from 'vitest';
import { financingNotes } from '../../../lib/cost/financing';
import type { Tri } from '../../../lib/dataset/schema';
import { makeGeneral, makeProvider, src } from './fixtures';

const general = makeGeneral();
const withFinancing = (careCredit: Tri, paymentPlans: Tri) =>
  makeProvider({ financing: { careCredit, paymentPlans, hsaFsa: 'unknown', sources: [src('financing'), src('deferred')] } });

describe('financingNotes', () => {
  it('is empty unless CareCredit or payment plans are a clear yes', () => {
    expect(financingNotes(null, general)).toEqual([]);
    expect(financingNotes(withFinancing('unknown', 'no'), general)).toEqual([]);
  });

  it('builds a neutral note from the deferred-interest statement', () => {
    const [note, ...rest] = financingNotes(withFinancing('yes', 'yes'), general);
    expect(rest).toEqual([]);
    expect(note).toMatchObject({
      id: 'deferred-interest',
      offers: ['careCredit', 'paymentPlans'],
      lead: 'This clinic lists CareCredit and payment plans.',
      statement: general.deferredInterest.text,
    });
    expect(note?.text).toBe(`This clinic lists CareCredit and payment plans. ${general.deferredInterest.text}`);
    // De-duplicated by URL: the provider's financing sources, then the statement's.
    expect(note?.sources.map((s) => s.url)).toEqual(['https://example.com/financing', 'https://example.com/deferred']);
  });

  it('for payment plans alone, suggests asking about interest', () => {
    const [note] = financingNotes(withFinancing('no', 'yes'), general);
    expect(note?.offers).toEqual(['paymentPlans']);
    expect(note?.lead).toContain('ask whether a plan charges interest');
  });
});
