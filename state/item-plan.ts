import { useEffect, useRef, useState } from 'preact/hooks';
import type { Answer, PlanOptions, ShortlistItem } from '@/lib/shortlist/schema';
import { useShortlistStore } from '@/state/shortlists/context';

const ANSWER_SAVE_DELAY_MS = 400;

export interface ItemPlan {
  options: PlanOptions | null;
  answers: Record<string, Answer>;
  onOptionsChange(o: PlanOptions): void;
  onAnswer(id: string, a: Answer | null): void;
  /** The last save failed: shown next to the controls; what was typed stays on screen. */
  error: string | null;

  /** Whether choices are saved with a shortlist item (false: kept only while this view is open). */
  saved: boolean;
}

const NO_ANSWERS: Record<string, Answer> = {};

/**
 * Cost-plan options and checklist answers: saved with the shortlist item when there is one, otherwise
 * kept in this view only. Answers are shown from a local mirror at once and written per question after
 * a short pause, so typing never waits on storage.
 */
export function useItemPlan(item: ShortlistItem | null): ItemPlan {
  const store = useShortlistStore();
  const [localOptions, setLocalOptions] = useState<PlanOptions | null>(null);
  const [answers, setAnswers] = useState(item?.answers ?? NO_ANSWERS);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef(new Map<string, Answer | null>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Another window's (or this page's) saved answers arrive with the item; unsaved typing wins.
  useEffect(() => {
    if (!item) return;
    setAnswers(() => {
      const next = { ...item.answers };
      for (const [id, a] of pending.current) {
        if (a === null) delete next[id];
        else next[id] = a;
      }
      return next;
    });
  }, [item?.answers]);

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

  return {
    options: item ? item.plan : localOptions,
    answers,
    error,
    saved: item !== null,
    onOptionsChange: (plan) => {
      if (!item) return setLocalOptions(plan);
      store.updateItem(item.id, { plan }).then(
        () => setError(null),
        (e: Error) => setError(e.message),
      );
    },
    onAnswer: (id, a) => {
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
