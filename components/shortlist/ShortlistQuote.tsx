import { useEffect, useId, useState } from 'preact/hooks';
import type { ShortlistStore } from '@/state/shortlists/store';
import { useItemSave } from '@/state/shortlists/conflict';
import { formatDollars } from '@/lib/format/money';
import { parsePrice } from '@/lib/shortlist/input';
import { QUOTE_NOTE_MAX } from '@/lib/shortlist/limits';
import { mergeQuotes } from '@/lib/shortlist/merge-fields';
import type { Quote } from '@/lib/shortlist/schema';
import { ShortlistConflict } from './ShortlistConflict';

const priceText = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

type Field = 'consultation' | 'perSession' | 'note';

interface Props {
  itemId: string;
  quote: Quote | null;
  /** The item's revision that `quote` was read at: saves are made over it. */
  revision: number;
  store: Pick<ShortlistStore, 'updateItem'>;
}

/** A quote in words, for showing two versions side by side. */
const quoteText = (q: Quote | null) =>
  [
    `Consultation: ${q?.consultation == null ? '—' : formatDollars(q.consultation)}`,
    `Per session: ${q?.perSession == null ? '—' : formatDollars(q.perSession)}`,
    `Covers: ${q?.note.trim() ? q.note : '—'}`,
  ].join('\n');

/** The prices a clinic quoted the user; each field is checked and saved when the user leaves it. */
export function ShortlistQuote({ itemId, quote, revision, store }: Props) {
  const id = useId();
  const [drafts, setDrafts] = useState({
    consultation: priceText(quote?.consultation),
    perSession: priceText(quote?.perSession),
    note: quote?.note ?? '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const saving = useItemSave<Quote | null>(
    (value, expectedRevision, base) => store.updateItem(itemId, { quote: value, expectedRevision }, base === undefined ? undefined : { quote: base }),
    (stored) => stored.quote,
    { key: `${itemId}:quote`, merge: mergeQuotes },
  );
  const saveError = saving.error;
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
    if (await saving.save(empty ? null : next, revision, quote)) {
      setSaved(true);
      setDirty((d) => ({ ...d, [field]: false }));
    }
  };

  /** The user's choice between this window's quote and the other window's; the fields show it. */
  const choose = async (mine: boolean) => {
    const chosen = mine ? saving.conflict?.mine : saving.conflict?.theirs;
    if (chosen === undefined) return;
    if (await (mine ? saving.keepMine() : saving.keepTheirs())) {
      setDirty({});
      setDrafts({ consultation: priceText(chosen?.consultation), perSession: priceText(chosen?.perSession), note: chosen?.note ?? '' });
      setSaved(true);
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
      {saving.conflict && (
        <ShortlistConflict
          title="This quote was also changed in another window."
          mine={quoteText(saving.conflict.mine)}
          theirs={quoteText(saving.conflict.theirs)}
          onKeepMine={() => void choose(true)}
          onKeepTheirs={() => void choose(false)}
          busy={saving.busy}
        />
      )}
      {saveError && (
        <p class="sl-error" role="alert">
          <strong>Quote not saved.</strong> {saveError.message} What you typed is still here.
        </p>
      )}
    </fieldset>
  );
}
