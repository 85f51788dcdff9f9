import type { ComponentChildren } from 'preact';
import { useId, useRef, useState } from 'preact/hooks';
import { US_STATES } from '@/lib/dataset/us-states';
import { StorageError, toStorageError } from '@/lib/shortlist';
import { EMPTY_CUSTOM_CLINIC, PRICE_MAX, validateCustomClinic, type CustomClinicErrors, type CustomClinicInput, type CustomClinicValues } from '@/lib/shortlist/input';
import { NOTES_MAX } from '@/lib/shortlist/limits';
import type { ShortlistItem } from '@/lib/shortlist/schema';
import { StorageNotice } from './StorageNotice';

const STATES = US_STATES;

const FIELD_ORDER: Array<keyof CustomClinicValues> = ['name', 'website', 'phone', 'street', 'city', 'state', 'zip', 'consultation', 'perSession', 'notes'];
const FIELD_LABEL: Record<keyof CustomClinicValues, string> = {
  name: 'Clinic name',
  website: 'Website',
  phone: 'Phone',
  street: 'Street address',
  city: 'City',
  zip: 'ZIP code',
  state: 'State',
  consultation: 'Quoted consultation price',
  perSession: 'Quoted price per session',
  notes: 'Notes',
};

interface Props {
  /** Where the typed values are kept while the form is away (other view, page re-render); see ShortlistStore. */
  drafts?: { customClinicDraft: Record<string, string> | null };
  onSubmit: (input: CustomClinicInput) => Promise<ShortlistItem>;
  onDone: (item: ShortlistItem | null) => void;
  /** Passed to the storage notice when saving fails (see StorageNotice). */
  exportImport?: ComponentChildren;
  /** Values to start with (a page that was read); the user checks and corrects them. */
  initial?: Partial<CustomClinicValues>;
  /** A line under a field's label, e.g. where its value was read. */
  fieldNotes?: Partial<Record<keyof CustomClinicValues, string>>;
  title?: string;
  intro?: ComponentChildren;
  submitLabel?: string;
  /** Shown above the buttons (what else was read, which list to save to). */
  children?: ComponentChildren;
}

/** "Add a clinic yourself": for a clinic not in the dataset; saved as the user's own entry. */
export function CustomClinicForm({ drafts, onSubmit, onDone, exportImport, initial, fieldNotes = {}, title, intro, submitLabel, children }: Props) {
  const id = useId();
  const [values, setValuesState] = useState<CustomClinicValues>(() => ({ ...EMPTY_CUSTOM_CLINIC, ...initial, ...drafts?.customClinicDraft }));
  const setValues = (update: (v: CustomClinicValues) => CustomClinicValues) =>
    setValuesState((v) => {
      const next = update(v);
      if (drafts) drafts.customClinicDraft = { ...next };
      return next;
    });
  const [errors, setErrors] = useState<CustomClinicErrors>({});
  const [saveError, setSaveError] = useState<StorageError | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const set = (field: keyof CustomClinicValues) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value;
    setValues((v) => ({ ...v, [field]: value }));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const result = validateCustomClinic(values);
    if (!result.ok) {
      setErrors(result.errors);
      const firstBad = FIELD_ORDER.find((f) => result.errors[f]);
      if (firstBad) form.current?.querySelector<HTMLElement>(`[id="${id}-${firstBad}"]`)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const item = await onSubmit(result.value);
      setSaveError(null);
      setValuesState(EMPTY_CUSTOM_CLINIC);
      if (drafts) drafts.customClinicDraft = null;
      onDone(item);
    } catch (err) {
      // Everything typed stays in the form.
      setSaveError(err instanceof StorageError ? err : toStorageError(err));
    } finally {
      setBusy(false);
    }
  };

  const described = (field: keyof CustomClinicValues, hint?: boolean) =>
    [hint ? `${id}-${field}-hint` : '', errors[field] ? `${id}-${field}-error` : ''].filter(Boolean).join(' ') || undefined;

  const error = (field: keyof CustomClinicValues) =>
    errors[field] && (
      <p class="sl-field__error" id={`${id}-${field}-error`}>
        {errors[field]}
      </p>
    );

  const text = (field: keyof CustomClinicValues, opts: { required?: boolean; hint?: string; inputMode?: 'decimal' | 'url' | 'tel' | 'numeric'; type?: string } = {}) => {
    const hint = [opts.hint, fieldNotes[field]].filter(Boolean).join(' · ') || undefined;
    return (
    <div class="sl-field">
      <label for={`${id}-${field}`} class="sl-label">
        {FIELD_LABEL[field]}
        {opts.required ? ' (required)' : ''}
      </label>
      {hint && (
        <p class="sl-hint" id={`${id}-${field}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={`${id}-${field}`}
        type={opts.type ?? 'text'}
        inputMode={opts.inputMode}
        value={values[field] ?? ''}
        aria-required={opts.required ? true : undefined}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={described(field, Boolean(hint))}
        onInput={set(field)}
      />
      {error(field)}
    </div>
    );
  };

  const errorCount = Object.values(errors).filter(Boolean).length;

  return (
    <form class="sl-custom" ref={form} onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title ?? 'Add a clinic yourself'}</h3>
      {intro ?? (
        <p class="sl-hint">
          For a clinic that isn't in Clinic Scout's list. It will be marked as your own entry: Clinic Scout has not checked it.
        </p>
      )}
      {errorCount > 0 && (
        <p class="sl-error" role="alert">
          {errorCount === 1 ? 'One field needs attention' : `${errorCount} fields need attention`}:{' '}
          {FIELD_ORDER.filter((f) => errors[f]).map((f) => FIELD_LABEL[f]).join(', ')}.
        </p>
      )}
      {text('name', { required: true })}
      {text('website', { hint: 'For example clinic-name.com', inputMode: 'url' })}
      {text('phone', { inputMode: 'tel', type: 'tel' })}
      {text('street')}
      <div class="sl-custom__row">
        {text('city')}
        <div class="sl-field">
          <label for={`${id}-state`} class="sl-label">
            State
          </label>
          {fieldNotes.state && (
            <p class="sl-hint" id={`${id}-state-hint`}>
              {fieldNotes.state}
            </p>
          )}
          <select
            id={`${id}-state`}
            value={values.state}
            aria-invalid={errors.state ? true : undefined}
            aria-describedby={described('state', Boolean(fieldNotes.state))}
            onChange={set('state')}
          >
            <option value="">—</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          {error('state')}
        </div>
        {text('zip', { inputMode: 'numeric' })}
      </div>
      <div class="sl-custom__row">
        {text('consultation', { inputMode: 'decimal', hint: `In dollars, up to ${PRICE_MAX.toLocaleString('en-US')}` })}
        {text('perSession', { inputMode: 'decimal', hint: 'In dollars' })}
      </div>
      <div class="sl-field">
        <label for={`${id}-notes`} class="sl-label">
          Notes
        </label>
        <textarea
          id={`${id}-notes`}
          rows={3}
          value={values.notes}
          maxLength={NOTES_MAX}
          aria-invalid={errors.notes ? true : undefined}
          aria-describedby={described('notes')}
          onInput={set('notes')}
        />
        {error('notes')}
      </div>
      {children}
      {saveError && <StorageNotice error={saveError} exportImport={exportImport} />}
      <div class="sl-custom__actions">
        <button type="submit" class="button" disabled={busy}>
          {submitLabel ?? 'Add clinic'}
        </button>
        <button
          type="button"
          class="button button--secondary"
          onClick={() => {
            if (drafts) drafts.customClinicDraft = null;
            onDone(null);
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
