import { describe, expect, it } from 'vitest';
import { LIMITS, NO_PLAN_OPTIONS, parseField, planOptionsLines, withMaintenance, withoutMaintenance } from '../../../lib/cost/plan-options';
import { PlanOptions } from '../../../lib/shortlist/schema';

describe('plan options', () => {
  it('the empty choice and every limit validate against the PlanOptions schema', () => {
    expect(PlanOptions.safeParse(NO_PLAN_OPTIONS).success).toBe(true);
    for (const [key, l] of Object.entries(LIMITS)) {
      for (const v of [l.min, l.max]) expect(PlanOptions.safeParse({ ...NO_PLAN_OPTIONS, [key]: v }).success).toBe(true);
    }
  });

  it('parseField: empty is the default, numbers within the limits are kept, anything else says what to type', () => {
    expect(parseField('  ', LIMITS.initialSessions)).toEqual({ ok: true, value: null });
    expect(parseField('6', LIMITS.initialSessions)).toEqual({ ok: true, value: 6 });
    expect(parseField('1.5', LIMITS.maintenancePerMonth)).toEqual({ ok: true, value: 1.5 });
    expect(parseField('1.5', LIMITS.initialSessions)).toEqual({ ok: false, message: 'Enter a whole number from 1 to 20.' });
    expect(parseField('61', LIMITS.hsaTaxRate)).toEqual({ ok: false, message: 'Enter a number from 0 to 60.' });
    expect(parseField('abc', LIMITS.maintenanceMonths)).toMatchObject({ ok: false });
  });

  it('never accepts 0 or 100 initial sessions silently', () => {
    for (const t of ['0', '100', '-3', '21', '1e3']) {
      expect(parseField(t, LIMITS.initialSessions)).toEqual({ ok: false, message: 'Enter a whole number from 1 to 20.' });
    }
    expect(parseField('1', LIMITS.initialSessions)).toEqual({ ok: true, value: 1 });
    expect(parseField('20', LIMITS.initialSessions)).toEqual({ ok: true, value: 20 });
  });

  it('maintenance fields cannot be emptied while maintenance is on', () => {
    expect(parseField('', LIMITS.maintenancePerMonth)).toEqual({ ok: false, message: 'Enter a number from 0.5 to 8.' });
    expect(parseField('', LIMITS.maintenanceMonths)).toEqual({ ok: false, message: 'Enter a whole number from 1 to 24.' });
    expect(parseField('0', LIMITS.maintenancePerMonth)).toMatchObject({ ok: false });
  });

  it('turning maintenance on and off changes only the maintenance fields', () => {
    const o = { ...NO_PLAN_OPTIONS, initialSessions: 4, hsaTaxRate: 22 };
    expect(withMaintenance(o, 1, 11)).toEqual({ ...o, maintenancePerMonth: 1, maintenanceMonths: 11 });
    expect(withoutMaintenance(withMaintenance(o, 1, 11))).toEqual(o);
  });
});

describe('planOptionsLines: a plan in words for a side-by-side choice', () => {
  it('names empty choices for what the estimate does, never "default"', () => {
    const lines = planOptionsLines(NO_PLAN_OPTIONS);
    expect(lines).toEqual([
      "First sessions: the clinic's published series, or the usual one",
      'Maintenance: off',
      'HSA/FSA tax rate: not set',
      'Spravato covered by insurance: no',
    ]);
    expect(lines.join(' ')).not.toMatch(/default/i);
  });
  it('says what was chosen', () => {
    const lines = planOptionsLines({ initialSessions: 6, maintenancePerMonth: 1, maintenanceMonths: null, hsaTaxRate: 24, spravatoInsurance: true });
    expect(lines).toEqual([
      'First sessions: 6',
      'Maintenance: 1 a month for 11 months',
      'HSA/FSA tax rate: 24%',
      'Spravato covered by insurance: yes',
    ]);
  });
  it('a plan never changed', () => expect(planOptionsLines(null)).toEqual(['The usual plan (nothing changed)']));
});
