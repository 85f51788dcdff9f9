import { useEffect, useId, useState } from 'preact/hooks';
import type { ShortlistStore } from '@/state/shortlists/store';
import { StorageError, toStorageError } from '@/lib/shortlist';
import { parsePrice } from '@/lib/shortlist/input';
import { QUOTE_NOTE_MAX, type Quote } from '@/lib/shortlist/schema';

const priceText = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

type Field = 'consultation' | 'perSession' | 'note';

interface Props {
  itemId: string;
  quote: Quote | null;
  store: Pick<ShortlistStore, 'updateItem'>;
}

/** The prices a clinic quoted the user; each field is checked and saved when the user leaves it. */
export function ShortlistQuote({ itemId, quote, store }: Props) {
  const id = useId();
  const [drafts, setDrafts] = useState({
    consultation: priceText(quote?.consultation),
    perSession: priceText(quote?.perSession),
    note: quote?.note ?? '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saveError, setSaveError] = useState<StorageError | null>(null);
  const [saved, setSaved] = useState(false);
  const [dirty, setDirty] = useState<Partial<Record<Field, boolean>>>({});

  // Follow changes from another window for fields the user isn't editing here.
  useEffect(() => {
    setDrafts((d) => ({
      consultation: dirty.consultation ? d.consultation : priceText(quote?.consultation),
      perSession: dirty.perSession ? d.perSession : priceText(quote?.perSession),
      note: dirty.note ? d.note : quote?.note ?? '',
    }));
  }, [quote]);

  const commit = async (field: Field, value: string) => {
    setSaved(false);
    const next: Quote = { consultation: quote?.consultation ?? null, perSession: quote?.perSession ?? null, note: quote?.note ?? '' };
    if (field === 'note') {
      if (value.length > QUOTE_NOTE_MAX) {
        setErrors((e) => ({ ...e, note: `Keep this under ${QUOTE_NOTE_MAX.toLocaleString('en-US')} characters.` }));
        return;
      }
      next.note = value;
    } else {
      const parsed = parsePrice(value);
      if (!parsed.ok) {
        setErrors((e) => ({ ...e, [field]: parsed.message }));
        return;
      }
      next[field] = parsed.value;
    }
    setErrors((e) => ({ ...e, [field]: undefined }));
    const empty = next.consultation === null && next.perSession === null && next.note.trim() === '';
    const unchanged =
      (quote?.consultation ?? null) === next.consultation && (quote?.perSession ?? null) === next.perSession && (quote?.note ?? '') === next.note;
    if (unchanged) {
      setDirty((d) => ({ ...d, [field]: false }));
      return;
    }
    try {
      await store.updateItem(itemId, { quote: empty ? null : next });
      setSaveError(null);
      setSaved(true);
      setDirty((d) => ({ ...d, [field]: false }));
    } catch (err) {
      setSaveError(err instanceof StorageError ? err : toStorageError(err));
    }
  };

  const input = (field: 'consultation' | 'perSession', label: string) => (
    <div class="sl-field">
      <label for={`${id}-${field}`} class="sl-label">
        {label}
      </label>
      <span class="sl-money">
        <span aria-hidden="true">$</span>
        <input
          id={`${id}-${field}`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={drafts[field]}
          aria-invalid={errors[field] ? true : undefined}
          aria-describedby={errors[field] ? `${id}-${field}-error` : undefined}
          onInput={(e) => {
            const v = e.currentTarget.value;
            setDrafts((d) => ({ ...d, [field]: v }));
            setDirty((d) => ({ ...d, [field]: true }));
          }}
          onChange={(e) => void commit(field, e.currentTarget.value)}
        />
      </span>
      {errors[field] && (
        <p class="sl-field__error" id={`${id}-${field}-error`}>
          {errors[field]}
        </p>
      )}
    </div>
  );

  return (
    <fieldset class="sl-quote">
      <legend>Price the clinic quoted you</legend>
      <div class="sl-quote__row">
        {input('consultation', 'Consultation')}
        {input('perSession', 'Per session')}
      </div>
      <div class="sl-field">
        <label for={`${id}-note`} class="sl-label">
          What the quote covers
        </label>
        <input
          id={`${id}-note`}
          type="text"
          value={drafts.note}
          maxLength={QUOTE_NOTE_MAX}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={errors.note ? `${id}-note-error` : undefined}
          onInput={(e) => {
            const v = e.currentTarget.value;
            setDrafts((d) => ({ ...d, note: v }));
            setDirty((d) => ({ ...d, note: true }));
          }}
          onChange={(e) => void commit('note', e.currentTarget.value)}
        />
        {errors.note && (
          <p class="sl-field__error" id={`${id}-note-error`}>
            {errors.note}
          </p>
        )}
      </div>
      <p class="sl-quote__status" role="status">
        {saved ? 'Quote saved' : ''}
      </p>
      {saveError && (
        <p class="sl-error" role="alert">
          <strong>Quote not saved.</strong> {saveError.message} What you typed is still here.
        </p>
      )}
    </fieldset>
  );
}
