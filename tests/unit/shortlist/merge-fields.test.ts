import { describe, expect, it } from 'vitest';
import { mergeFields, mergePlans, mergeQuotes } from '../../../lib/shortlist/merge-fields';
import type { PlanOptions } from '../../../lib/shortlist/schema';

const q = (consultation: number | null, perSession: number | null, note = '') => ({ consultation, perSession, note });

describe('mergeFields: two windows saving the same quote or plan', () => {
  it('combines fields changed on different sides', () => {
    // This window typed the consultation; the other window typed the session price.
    expect(mergeFields(q(null, null), q(300, null), q(null, 500))).toEqual(q(300, 500));
    expect(mergeFields(q(300, 500, 'a'), q(300, 500, 'covers 6'), q(350, 500, 'a'))).toEqual(q(350, 500, 'covers 6'));
  });
  it('is a conflict when both sides changed the same field differently', () => {
    expect(mergeFields(q(null, null), q(300, null), q(350, null))).toBeUndefined();
  });
  it('the same change on both sides is no conflict', () => {
    expect(mergeFields(q(null, null), q(300, null), q(300, null))).toEqual(q(300, null));
  });
  it('from nothing: takes whichever side saved, conflicts when both did differently', () => {
    expect(mergeFields(null, q(300, null), null)).toEqual(q(300, null));
    expect(mergeFields(null, null, q(300, null))).toEqual(q(300, null));
    expect(mergeFields(null, q(300, null), q(null, 500))).toBeUndefined();
  });
  it('emptying the whole value while the other side edited it is a conflict', () => {
    expect(mergeFields(q(300, null), null, q(300, 500))).toBeUndefined();
    expect(mergeFields(q(300, null), null, q(300, null))).toBeNull();
  });
});

describe('mergeQuotes', () => {
  it('two windows each typing a different price into an empty quote are combined', () => {
    expect(mergeQuotes(null, q(300, null), q(null, 500))).toEqual(q(300, 500));
  });
  it('a quote emptied on one side and untouched on the other is no quote', () => {
    expect(mergeQuotes(q(300, null), q(null, null), q(300, null))).toBeNull();
  });
  it('the same price typed differently is a conflict', () => {
    expect(mergeQuotes(null, q(300, null), q(310, null))).toBeUndefined();
  });
});

describe('mergePlans', () => {
  const plan = (o: Partial<PlanOptions>): PlanOptions => ({ initialSessions: null, maintenancePerMonth: null, maintenanceMonths: null, hsaTaxRate: null, spravatoInsurance: false, ...o });
  it('one window set the sessions, the other the tax rate: both kept', () => {
    expect(mergePlans(null, plan({ initialSessions: 6 }), plan({ hsaTaxRate: 24 }))).toEqual(plan({ initialSessions: 6, hsaTaxRate: 24 }));
  });
  it('both changed the sessions differently: a conflict', () => {
    expect(mergePlans(plan({}), plan({ initialSessions: 6 }), plan({ initialSessions: 8 }))).toBeUndefined();
  });
});
