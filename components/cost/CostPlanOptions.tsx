/**
 * The cost plan's editable choices, as native labelled inputs in two fieldsets. Controlled: it shows the
 * plan's effective settings and reports every valid change as a whole PlanOptions; it keeps a draft only
 * while a number field holds text that is empty, half-typed or out of range, so typing is never fought.
 *
 * An emptied field means "use the default" (null), and for the tax rate "not paying with HSA/FSA".
 */
import { useId, useState } from 'preact/hooks';
import type { CostPlan } from '@/lib/cost/plan';
import { LIMITS, NO_PLAN_OPTIONS, parseField, type Limits } from '@/lib/cost/plan-options';
import type { PlanOptions } from '@/lib/shortlist/schema';

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
          onBlur={() => setDraft(null)}
        />
        {suffix && <span class="cost-field__suffix">{suffix}</span>}
      </span>
      {hint && (
        <p class="cost-field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="cost-field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

interface Props {
  plan: CostPlan;
  options: PlanOptions | null;
  /** Offer the Spravato-through-insurance option (the provider lists Spravato, or is a clinic the user added). */
  offersSpravato: boolean;
  onOptionsChange(o: PlanOptions): void;
}

export function CostPlanOptions({ plan, options, offersSpravato, onOptionsChange }: Props) {
  const s = plan.settings;
  const base = options ?? NO_PLAN_OPTIONS;
  const set = <K extends keyof PlanOptions>(key: K, value: PlanOptions[K]) => onOptionsChange({ ...base, [key]: value });
  const spravatoId = useId();
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
        <legend>Sessions</legend>
        <NumberField
          label="Sessions in the initial series"
          value={s.initialSessions}
          limits={LIMITS.initialSessions}
          hint={
            s.initialSessionsFrom === 'provider'
              ? "The clinic's published series."
              : s.initialSessionsFrom === 'default'
                ? 'A common series; this clinic publishes none.'
                : null
          }
          onChange={(v) => set('initialSessions', v)}
        />
        <NumberField
          label="Maintenance sessions per month"
          value={s.maintenancePerMonth}
          limits={LIMITS.maintenancePerMonth}
          hint={s.maintenancePerMonthFrom === 'default' ? 'Assumed; ask the clinic how often boosters are usually needed. 0.5 = one every two months.' : null}
          onChange={(v) => set('maintenancePerMonth', v)}
        />
        <NumberField
          label="Months of maintenance in the first year"
          value={s.maintenanceMonths}
          limits={LIMITS.maintenanceMonths}
          hint={s.maintenanceMonthsFrom === 'default' ? 'The rest of the first year after the initial series.' : null}
          onChange={(v) => set('maintenanceMonths', v)}
        />
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
