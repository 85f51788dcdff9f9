// The cost plan's editable choices (components/cost/CostPlanOptions.tsx): the empty choice, each number
// field's limits (the PlanOptions schema's, so a saved value always validates) and how typed text is read.
import type { PlanOptions } from '../shortlist/schema';

export const NO_PLAN_OPTIONS: PlanOptions = {
  initialSessions: null,
  maintenancePerMonth: null,
  maintenanceMonths: null,
  hsaTaxRate: null,
  spravatoInsurance: false,
};

export type NumberKey = 'initialSessions' | 'maintenancePerMonth' | 'maintenanceMonths' | 'hsaTaxRate';

export interface Limits {
  min: number;
  max: number;
  step: number;
  integer: boolean;
}

/** The PlanOptions schema's limits (lib/shortlist/schema.ts), so a saved value always validates. */
export const LIMITS: Record<NumberKey, Limits> = {
  initialSessions: { min: 0, max: 100, step: 1, integer: true },
  maintenancePerMonth: { min: 0, max: 31, step: 0.5, integer: false },
  maintenanceMonths: { min: 0, max: 120, step: 1, integer: true },
  hsaTaxRate: { min: 0, max: 60, step: 1, integer: false },
};

export type Parsed = { ok: true; value: number | null } | { ok: false; message: string };

/** A number field's text → null (emptied: use the default), the number, or what to type instead. */
export function parseField(text: string, l: Limits): Parsed {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  const n = Number(t);
  const message = `Enter ${l.integer ? 'a whole number' : 'a number'} from ${l.min} to ${l.max}.`;
  if (!Number.isFinite(n) || n < l.min || n > l.max || (l.integer && !Number.isInteger(n))) return { ok: false, message };
  return { ok: true, value: n };
}
