import { useEffect, useRef, useState } from 'preact/hooks';
import type { Answer, PlanOptions, ShortlistItem } from '@/lib/shortlist/schema';
import { useShortlistStore } from '@/state/shortlists/context';
import { usePlanDraft } from '@/state/plan-drafts';

const ANSWER_SAVE_DELAY_MS = 400;

export interface ItemPlan {
  options: PlanOptions | null;
  answers: Record<string, Answer>;
  onOptionsChange(o: PlanOptions): void;
  onAnswer(id: string, a: Answer | null): void;
  /** The last save failed: shown next to the controls; what was typed stays on screen. */
  error: string | null;

  /**
   * Whether choices are saved with a shortlist item (false: kept as an unsaved draft for this browser
   * session — state/plan-drafts.ts — or, with no provider id, only while this view is open).
   */
  saved: boolean;
}

const NO_ANSWERS: Record<string, Answer> = {};

/**
 * Cost-plan options and checklist answers: saved with the shortlist item when there is one; otherwise kept
 * as the provider's unsaved draft (storage.session, per provider) as the user types. When the provider is
 * added to a shortlist, the draft is carried into the new item (answers the item lacks, and the plan when
 * the item has none) and then cleared, so nothing typed before "Add to shortlist" is lost.
 * Answers are shown from a local mirror at once and written per question after a short pause, so typing
 * never waits on storage.
 *
 *   providerId  the dataset provider the view shows (null/omitted: no draft, e.g. a clinic added by hand).
 */
export function useItemPlan(item: ShortlistItem | null, providerId: string | null = null): ItemPlan {
  const store = useShortlistStore();
  const drafts = usePlanDraft(providerId);
  const [localOptions, setLocalOptions] = useState<PlanOptions | null>(null);
  const [answers, setAnswers] = useState(item?.answers ?? NO_ANSWERS);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef(new Map<string, Answer | null>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** A draft being carried into the item: shown until the item holds it. */
  const carrying = useRef<{ answers: Record<string, Answer>; options: PlanOptions | null } | null>(null);

  const mirror = (saved: Record<string, Answer>) => {
    const next = { ...saved };
    for (const [id, a] of Object.entries(carrying.current?.answers ?? {})) if (!(id in next)) next[id] = a;
    for (const [id, a] of pending.current) {
      if (a === null) delete next[id];
      else next[id] = a;
    }
    return next;
  };

  // Another window's (or this page's) saved answers arrive with the item; unsaved typing wins.
  useEffect(() => {
    if (!item) return;
    setAnswers(() => mirror(item.answers));
  }, [item?.answers]);

  // Carry an unsaved draft into the item once there is one (after "Add to shortlist", here or elsewhere).
  const draft = drafts.draft;
  useEffect(() => {
    if (!item || !drafts.loaded || carrying.current) return;
    const answersPatch: Record<string, Answer> = {};
    for (const [id, a] of Object.entries(draft.answers)) if (!(id in item.answers)) answersPatch[id] = a;
    const plan = item.plan === null && draft.options !== null ? draft.options : undefined;
    if (Object.keys(answersPatch).length === 0 && plan === undefined) {
      if (Object.keys(draft.answers).length > 0 || draft.options !== null) void drafts.clear();
      return;
    }
    carrying.current = { answers: answersPatch, options: plan ?? null };
    setAnswers(() => mirror(item.answers));
    store.updateItem(item.id, { answers: answersPatch, ...(plan ? { plan } : {}) }).then(
      () => {
        carrying.current = null;
        setError(null);
        void drafts.clear();
      },
      (e: Error) => {
        // The draft stays (in storage.session and on screen); the next change of the item tries again.
        carrying.current = null;
        setError(e.message);
      },
    );
  }, [item?.id, item?.answers, item?.plan, drafts.loaded, draft]);

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (pending.current.size === 0 || !item) return;
    const patch = Object.fromEntries(pending.current);
    pending.current = new Map();
    store.updateItem(item.id, { answers: patch }).then(
      () => setError(null),
      (e: Error) => {
        for (const [id, a] of Object.entries(patch)) if (!pending.current.has(id)) pending.current.set(id, a);
        setError(e.message);
      },
    );
  };
  useEffect(() => () => flush(), [item?.id]);

  const withDraft = providerId !== null;
  // Until a draft is carried into a new item (and cleared), it is shown with the item: no flash of "0 answered".
  const unsettled = item !== null && drafts.loaded ? draft : null;
  const shownAnswers = unsettled && Object.keys(unsettled.answers).length > 0 ? { ...unsettled.answers, ...answers } : answers;
  return {
    options: item ? (item.plan ?? unsettled?.options ?? null) : withDraft ? draft.options : localOptions,
    answers: item ? shownAnswers : withDraft ? draft.answers : answers,
    error,
    saved: item !== null,
    onOptionsChange: (plan) => {
      if (!item) return withDraft ? drafts.setOptions(plan) : setLocalOptions(plan);
      store.updateItem(item.id, { plan }).then(
        () => setError(null),
        (e: Error) => setError(e.message),
      );
    },
    onAnswer: (id, a) => {
      if (!item && withDraft) return drafts.setAnswer(id, a);
      setAnswers((prev) => {
        const next = { ...prev };
        if (a === null) delete next[id];
        else next[id] = a;
        return next;
      });
      if (!item) return;
      pending.current.set(id, a);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, ANSWER_SAVE_DELAY_MS);
    },
  };
}
