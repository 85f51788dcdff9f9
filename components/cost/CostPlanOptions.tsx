/**
 * The cost plan's editable choices, as native labelled inputs. Controlled: it shows the plan's effective
 * settings and reports every valid change as a whole PlanOptions; it keeps a draft only while a number field
 * holds text that is empty, half-typed or out of range, and then says what to type (never silently keeping
 * a number outside the limits in lib/cost/plan-options.ts).
 *
 *   CostPlanOptions({ plan, options, offersSpravato, onOptionsChange, part })
 *
 *   part  'series': the number of sessions in the initial series (shown right under the series estimate);
 *         'extras': maintenance (an explicit, optional line the user turns on), HSA/FSA and Spravato
 *         insurance, and "Reset to the usual assumptions".
 *
 * An emptied sessions field means "use the default" (null); an emptied tax rate "not paying with HSA/FSA".
 */
import { useId, useState } from 'preact/hooks';
import type { CostPlan } from '@/lib/cost/plan';
import {
  LIMITS,
  NO_PLAN_OPTIONS,
  parseField,
  withMaintenance,
  withoutMaintenance,
  type Limits,
} from '@/lib/cost/plan-options';
import type { PlanOptions } from '@/lib/shortlist/schema';
import { DEFAULT_MAINTENANCE_MONTHS, DEFAULT_MAINTENANCE_PER_MONTH } from '@/lib/cost/plan';
import { Glossed } from '@/components/provider-card/Glossed';

interface FieldProps {
  label: string;
  hint?: string | null;
  value: number | null;
  limits: Limits;
  suffix?: string;
  onChange(value: number | null): void;
}

function NumberField({ label, hint, value, limits, suffix, onChange }: FieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const parsed = draft === null ? null : parseField(draft, limits);
  const error = parsed && !parsed.ok ? parsed.message : null;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="cost-field">
      <label class="cost-field__label" for={id}>
        {label}
      </label>
      <span class="cost-field__control">
        <input
          id={id}
          class="cost-field__input"
          type="number"
          inputMode={limits.integer ? 'numeric' : 'decimal'}
          min={limits.min}
          max={limits.max}
          step={limits.step}
          value={draft ?? (value === null ? '' : String(value))}
          aria-describedby={described}
          aria-invalid={error ? 'true' : undefined}
          onInput={(e) => {
            const text = e.currentTarget.value;
            setDraft(text);
            const p = parseField(text, limits);
            if (p.ok) onChange(p.value);
          }}
          // An invalid entry stays on screen with its message until corrected, never silently replaced.
          onBlur={() => setDraft((d) => (d !== null && !parseField(d, limits).ok ? d : null))}
        />
        {suffix && <span class="cost-field__suffix">{suffix}</span>}
      </span>
      {hint && (
        <p class="cost-field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <p class="cost-field__error" id={`${id}-error`} role="alert" hidden={!error}>
        {error}
      </p>
    </div>
  );
}

interface Props {
  plan: CostPlan;
  options: PlanOptions | null;
  /** Offer the Spravato-through-insurance option (the provider lists Spravato, or is a clinic the user added). */
  offersSpravato: boolean;
  onOptionsChange(o: PlanOptions): void;
  part: 'series' | 'extras';
}

export function CostPlanOptions({ plan, options, offersSpravato, onOptionsChange, part }: Props) {
  const s = plan.settings;
  const base = options ?? NO_PLAN_OPTIONS;
  const set = <K extends keyof PlanOptions>(key: K, value: PlanOptions[K]) => onOptionsChange({ ...base, [key]: value });
  const spravatoId = useId();
  const maintenanceId = useId();

  if (part === 'series') {
    return (
      <div class="cost-options cost-options--series">
        <NumberField
          label="Sessions in the initial series"
          value={s.initialSessions}
          limits={LIMITS.initialSessions}
          hint={
            s.initialSessionsFrom === 'provider'
              ? "The clinic's published series."
              : s.initialSessionsFrom === 'default'
                ? `Typical: ${plan.series.typical}. This clinic publishes none.`
                : `Typical: ${plan.series.typical}.`
          }
          onChange={(v) => set('initialSessions', v)}
        />
      </div>
    );
  }

  const changed =
    options !== null &&
    (options.initialSessions !== null ||
      options.maintenancePerMonth !== null ||
      options.maintenanceMonths !== null ||
      options.hsaTaxRate !== null ||
      options.spravatoInsurance);

  return (
    <div class="cost-options">
      <fieldset class="cost-fieldset">
        <legend>After the initial series</legend>
        <div class="cost-check">
          <input
            id={maintenanceId}
            type="checkbox"
            checked={s.maintenance}
            onChange={(e) =>
              onOptionsChange(
                e.currentTarget.checked ? withMaintenance(base, DEFAULT_MAINTENANCE_PER_MONTH, DEFAULT_MAINTENANCE_MONTHS) : withoutMaintenance(base),
              )
            }
          />
          <label for={maintenanceId}>Add maintenance (booster) sessions and show the first year</label>
        </div>
        {s.maintenance && (
          <>
            <NumberField
              label="Maintenance sessions per month"
              value={s.maintenancePerMonth}
              limits={LIMITS.maintenancePerMonth}
              hint="Ask the clinic how often boosters are usually needed. 0.5 = one every two months."
              onChange={(v) => set('maintenancePerMonth', v)}
            />
            <NumberField
              label="Months of maintenance"
              value={s.maintenanceMonths}
              limits={LIMITS.maintenanceMonths}
              hint={s.maintenanceMonthsFrom === 'default' ? 'The rest of the first year after the initial series.' : null}
              onChange={(v) => set('maintenanceMonths', v)}
            />
          </>
        )}
      </fieldset>
      <fieldset class="cost-fieldset">
        <legend>Paying</legend>
        <NumberField
          label="Marginal tax rate, if paying with HSA/FSA money"
          value={s.hsaTaxRate}
          limits={LIMITS.hsaTaxRate}
          suffix="%"
          hint="Leave blank if you are not paying with HSA/FSA money."
          onChange={(v) => set('hsaTaxRate', v)}
        />
        <p class="cost-gloss">
          <Glossed text="What is a marginal tax rate, or HSA/FSA?" />
        </p>
        {offersSpravato && (
          <div class="cost-check">
            <input
              id={spravatoId}
              type="checkbox"
              checked={base.spravatoInsurance}
              onChange={(e) => set('spravatoInsurance', e.currentTarget.checked)}
            />
            <label for={spravatoId}>Spravato (esketamine) through insurance, with the manufacturer's savings programme</label>
          </div>
        )}
      </fieldset>
      {changed && (
        <button type="button" class="button button--secondary cost-options__reset" onClick={() => onOptionsChange({ ...NO_PLAN_OPTIONS })}>
          Reset to the usual assumptions
        </button>
      )}
    </div>
  );
}
