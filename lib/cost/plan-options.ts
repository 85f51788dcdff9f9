// The cost plan's editable choices (components/cost/CostPlanOptions.tsx): the empty choice, each number
// field's limits and how typed text is read. The limits are a sensible range for a person's plan, inside
// the PlanOptions schema's (lib/shortlist/schema.ts), so a value taken from a field always validates; a
// number outside them is refused with a message, never silently kept.
import type { PlanOptions } from '../shortlist/schema';
import { DEFAULT_MAINTENANCE_MONTHS } from './plan';

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
  /** Emptying the field is refused with the message (otherwise empty = use the default). */
  required?: boolean;
}

/**
 * Initial series 1–20 sessions (published series run from 5 to 8; a course of twice-weekly Spravato is 8);
 * maintenance from one session every two months to 8 a month, for 1–24 months; a tax rate up to 60%.
 */
export const LIMITS: Record<NumberKey, Limits> = {
  initialSessions: { min: 1, max: 20, step: 1, integer: true },
  maintenancePerMonth: { min: 0.5, max: 8, step: 0.5, integer: false, required: true },
  maintenanceMonths: { min: 1, max: 24, step: 1, integer: true, required: true },
  hsaTaxRate: { min: 0, max: 60, step: 1, integer: false },
};

export type Parsed = { ok: true; value: number | null } | { ok: false; message: string };

/** A number field's text → null (emptied: use the default), the number, or what to type instead. */
export function parseField(text: string, l: Limits): Parsed {
  const t = text.trim();
  const message = `Enter ${l.integer ? 'a whole number' : 'a number'} from ${l.min} to ${l.max}.`;
  if (t === '') return l.required ? { ok: false, message } : { ok: true, value: null };
  const n = Number(t);
  if (!Number.isFinite(n) || n < l.min || n > l.max || (l.integer && !Number.isInteger(n))) return { ok: false, message };
  return { ok: true, value: n };
}

/** Maintenance turned on, starting from the usual assumption (one session a month for the rest of the first year). */
export function withMaintenance(o: PlanOptions, perMonth: number, months: number): PlanOptions {
  return { ...o, maintenancePerMonth: perMonth, maintenanceMonths: months };
}

/** Maintenance turned off: the estimate covers the consultation and the initial series only. */
export function withoutMaintenance(o: PlanOptions): PlanOptions {
  return { ...o, maintenancePerMonth: null, maintenanceMonths: null };
}

/**
 * The choices in words, one per line, for showing two versions side by side (a conflict between windows):
 * an empty choice is named for what the estimate then does ("the clinic's or the usual series", "off"),
 * never a bare "default".
 */
export function planOptionsLines(o: PlanOptions | null): string[] {
  if (!o) return ['The usual plan (nothing changed)'];
  const maintenanceOn = o.maintenancePerMonth !== null && o.maintenancePerMonth > 0;
  return [
    `First sessions: ${o.initialSessions ?? "the clinic's published series, or the usual one"}`,
    maintenanceOn
      ? `Maintenance: ${o.maintenancePerMonth} a month for ${o.maintenanceMonths ?? DEFAULT_MAINTENANCE_MONTHS} months`
      : 'Maintenance: off',
    `HSA/FSA tax rate: ${o.hsaTaxRate === null ? 'not set' : `${o.hsaTaxRate}%`}`,
    `Spravato covered by insurance: ${o.spravatoInsurance ? 'yes' : 'no'}`,
  ];
}
