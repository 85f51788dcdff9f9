import { describe, expect, it } from 'vitest';
import { LIMITS, NO_PLAN_OPTIONS, parseField } from '../../../lib/cost/plan-options';
import { PlanOptions } from '../../../lib/shortlist/schema';

describe('plan options', () => {
  it('the empty choice and every limit validate against the PlanOptions schema', () => {
    expect(PlanOptions.safeParse(NO_PLAN_OPTIONS).success).toBe(true);
    for (const [key, l] of Object.entries(LIMITS)) {
      for (const v of [l.min, l.max]) expect(PlanOptions.safeParse({ ...NO_PLAN_OPTIONS, [key]: v }).success).toBe(true);
      expect(PlanOptions.safeParse({ ...NO_PLAN_OPTIONS, [key]: l.max + 1 }).success).toBe(false);
    }
  });

  it('parseField: empty is the default, numbers within the limits are kept, anything else says what to type', () => {
    expect(parseField('  ', LIMITS.initialSessions)).toEqual({ ok: true, value: null });
    expect(parseField('6', LIMITS.initialSessions)).toEqual({ ok: true, value: 6 });
    expect(parseField('1.5', LIMITS.maintenancePerMonth)).toEqual({ ok: true, value: 1.5 });
    expect(parseField('1.5', LIMITS.initialSessions)).toEqual({ ok: false, message: 'Enter a whole number from 0 to 100.' });
    expect(parseField('61', LIMITS.hsaTaxRate)).toEqual({ ok: false, message: 'Enter a number from 0 to 60.' });
    expect(parseField('abc', LIMITS.maintenanceMonths)).toMatchObject({ ok: false });
  });
});
