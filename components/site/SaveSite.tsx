import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Extraction, PriceMention } from '@/lib/extract/parse';
import { failureMessage, siteOf, type ReadFailure } from '@/lib/extract/read-site';
import { draftFrom, readDate, readNote, siteReadFor, type SiteDraft } from '@/lib/extract/saved';
import type { CustomClinicInput, CustomClinicValues } from '@/lib/shortlist/input';
import type { ShortlistItem } from '@/lib/shortlist/schema';
import { savedEntryFor } from '@/lib/shortlist/site-entry';
import { useShortlists } from '@/state/shortlists/context';
import { readThisSite, useTabUrl } from '@/state/site-reader';
import { CustomClinicForm } from '@/components/shortlist/CustomClinicForm';
import { SitePriceMentions } from './SitePriceMentions';

interface Props {
  tabId: number;
  /** The host the panel shows (from the tab's state); the button reads the tab's current page. */
  host: string;
  /** Changes when the tab's state changes, so the tab's URL is looked up again. */
  version: unknown;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; host: string }
  | { kind: 'failed'; failure: ReadFailure }
  | { kind: 'form'; extraction: Extraction; draft: SiteDraft; kept: ReadonlySet<number> }
  | { kind: 'saved'; item: ShortlistItem; listName: string; updated: boolean };

/**
 * "Save this site": on a site Clinic Scout doesn't know, one click asks for access to this one site, reads
 * the page once and shows the "your own clinic" form filled with what was found, to check and save.
 */
export function SaveSite({ tabId, host, version }: Props) {
  const id = useId();
  const url = useTabUrl(tabId, version);
  const { lists, items, store } = useShortlists();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [listId, setListId] = useState<string | null>(null);
  const [mode, setMode] = useState<'update' | 'new'>('update');

  const site = url ? siteOf(url) : null;

  // The form (or the saved message) replaces the button below the "not in the list" message: bring it
  // into view and move focus to it, so the result of the click is what the user (and a screen reader) meets.
  const resultRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (phase.kind !== 'form' && phase.kind !== 'saved') return;
    const el = resultRef.current;
    if (!el) return;
    el.scrollIntoView?.({ block: 'start' });
    el.focus({ preventScroll: true });
  }, [phase.kind]);

  const read = () => {
    if (!url || !site?.ok) return;
    // readThisSite asks for the permission synchronously, inside this click (Firefox requires it).
    const pending = readThisSite(tabId, url);
    setPhase({ kind: 'reading', host: site.site.host });
    void pending.then((r) => {
      if (!r.ok) setPhase({ kind: 'failed', failure: r.failure });
      else setPhase({ kind: 'form', extraction: r.extraction, draft: draftFrom(r.extraction), kept: new Set(r.extraction.prices.map((_, i) => i)) });
    });
  };

  if (phase.kind === 'saved') {
    return (
      <div class="notice save-site__saved" role="status" tabIndex={-1} ref={resultRef as preact.Ref<HTMLDivElement>}>
        <p>
          <strong>{phase.item.custom?.name ?? phase.item.snapshot.name}</strong> {phase.updated ? 'was updated in' : 'was saved to'} “{phase.listName}”.
        </p>
        <p>
          <a href="#/shortlist">Open the shortlist</a>
        </p>
      </div>
    );
  }

  if (phase.kind === 'form') {
    const { draft, extraction } = phase;
    const existing = savedEntryFor(lists, items, draft.page.host);
    const updating = existing !== null && mode === 'update';
    const target = listId ?? lists[0]?.id ?? null;
    const fieldNotes: Partial<Record<keyof CustomClinicValues, string>> = {};
    for (const [f, r] of Object.entries(draft.read)) if (r) fieldNotes[f as keyof CustomClinicValues] = readNote(r.source);
    const prices = draft.prices;

    const submit = async (input: CustomClinicInput): Promise<ShortlistItem> => {
      const c = input.custom;
      const kept: PriceMention[] = prices.filter((_, i) => phase.kept.has(i));
      const read = siteReadFor(
        draft,
        { name: c.name, website: c.website ?? '', street: c.street ?? '', city: c.city ?? '', state: c.state ?? '', zip: c.zip ?? '', phone: c.phone ?? '' },
        kept,
      );
      const custom = { ...c, read };
      if (updating && existing) return store.updateCustom(existing.item.id, custom, { notes: input.notes, quote: input.quote });
      return store.addCustom({ ...input, custom }, target ?? undefined);
    };

    return (
      <section class="save-site" aria-labelledby={`${id}-h`} tabIndex={-1} ref={resultRef}>
        <h2 id={`${id}-h`} class="sl-visually-hidden">
          Save this site
        </h2>
        {draft.candidates.length > 1 && (
          <div class="sl-field">
            <label for={`${id}-which`} class="sl-label">
              This page describes {draft.candidates.length} clinics. Which one?
            </label>
            <select
              id={`${id}-which`}
              onChange={(e) => {
                const chosen = draft.candidates[Number(e.currentTarget.value)];
                if (chosen) setPhase({ ...phase, draft: draftFrom(extraction, chosen) });
              }}
            >
              {draft.candidates.map((c, i) => (
                <option key={i} value={i}>
                  {[c.name?.value ?? 'No name', c.city?.value].filter(Boolean).join(', ')}
                </option>
              ))}
            </select>
          </div>
        )}
        <CustomClinicForm
          key={`${draft.readAt}-${draft.values.name}-${draft.values.city}`}
          title={updating ? `Update your entry for ${draft.page.host}` : `Save ${draft.page.host}`}
          intro={
            <p class="sl-hint">
              Read from {draft.page.host} on {readDate(draft.readAt)}. Check and correct each value: nothing was guessed, and a field left
              empty was not found on the page. It will be your own entry: Clinic Scout has not checked it.
              {draft.partial ? ' The page is very large, so only part of it was read.' : ''}
            </p>
          }
          initial={draft.values}
          fieldNotes={fieldNotes}
          submitLabel={updating ? 'Update entry' : 'Save to shortlist'}
          onSubmit={submit}
          onDone={(item) => {
            if (!item) return setPhase({ kind: 'idle' });
            const list = lists.find((l) => l.id === item.shortlistId);
            setPhase({ kind: 'saved', item, listName: list?.name ?? 'your shortlist', updated: updating });
          }}
        >
          <SitePriceMentions
            prices={prices}
            kept={phase.kept}
            readAt={draft.readAt}
            onToggle={(i) => {
              const next = new Set(phase.kept);
              if (!next.delete(i)) next.add(i);
              setPhase({ ...phase, kept: next });
            }}
          />
          {existing && (
            <fieldset class="save-site__existing">
              <legend>You saved this site before</legend>
              <p class="sl-hint">
                “{existing.item.custom?.name ?? existing.item.snapshot.name}” is on “{existing.list.name}”
                {existing.item.custom?.read ? `, read on ${readDate(existing.item.custom.read.at)}` : ''}.
              </p>
              <label>
                <input type="radio" name={`${id}-mode`} checked={mode === 'update'} onChange={() => setMode('update')} /> Update that entry (its notes
                and status stay)
              </label>
              <label>
                <input type="radio" name={`${id}-mode`} checked={mode === 'new'} onChange={() => setMode('new')} /> Save as a new entry
              </label>
            </fieldset>
          )}
          {!updating && lists.length > 0 && (
            <div class="sl-field">
              <label for={`${id}-list`} class="sl-label">
                Save to
              </label>
              <select id={`${id}-list`} value={target ?? ''} onChange={(e) => setListId(e.currentTarget.value)}>
                {lists.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
            </div>
          )}
        </CustomClinicForm>
      </section>
    );
  }

  const failure = phase.kind === 'failed' ? failureMessage(phase.failure) : site && !site.ok ? failureMessage(site.failure) : null;
  return (
    <div class="save-site">
      {phase.kind === 'reading' ? (
        <p role="status" class="save-site__reading">
          Reading {phase.host}… (your browser may ask you to allow access to this site)
        </p>
      ) : failure ? (
        <div class="notice notice--warn" role="alert">
          <p>
            <strong>{failure.title}.</strong> {failure.text}
          </p>
        </div>
      ) : null}
      {phase.kind !== 'reading' && site?.ok !== false && (
        <>
          <button type="button" class="button" disabled={!site?.ok} onClick={read}>
            Save this site
          </button>
          <p class="sl-hint">
            Reads this page once to fill in a form you check before saving. Your browser asks first; access to {host} is removed again right after.
          </p>
        </>
      )}
    </div>
  );
}
