import { useEffect, useRef, useState } from 'preact/hooks';
import { isItemConflict } from '@/lib/shortlist/conflict';
import type { Answer, PlanOptions, StoredShortlistItem } from '@/lib/shortlist/schema';
import { useShortlistStore } from '@/state/shortlists/context';
import { useItemSave, type OpenConflict } from '@/state/shortlists/conflict';
import { usePlanDraft } from '@/state/plan-drafts';

const ANSWER_SAVE_DELAY_MS = 400;

/** Only a save that met another window's change needs the merge: loaded then, not with the card. */
const mergePlansLazily = (base: PlanOptions | null, mine: PlanOptions | null, theirs: PlanOptions | null) =>
  import('@/lib/shortlist/merge-fields').then((m) => m.mergePlans(base, mine, theirs));

/** Another window saved different choices first: both are shown, nothing is written until the user picks. */
export type ItemPlanConflict =
  | ({ field: 'plan' } & OpenConflict<PlanOptions | null>)
  | ({ field: 'answers' } & OpenConflict<Record<string, Answer | null>>);

export interface ItemPlan {
  options: PlanOptions | null;
  answers: Record<string, Answer>;
  onOptionsChange(o: PlanOptions): void;
  onAnswer(id: string, a: Answer | null): void;
  /** The last save failed: shown next to the controls; what was typed stays on screen. */
  error: string | null;
  /** Open conflict with another window's save, with the two ways out. */
  conflict: ItemPlanConflict | null;
  keepMine(): void;
  keepTheirs(): void;
  /**
   * Whether choices are saved with a shortlist item (false: kept as the provider's unsaved draft for this
   * browser session — state/plan-drafts.ts — or, with no provider id, only while this view is open).
   */
  saved: boolean;
}

const NO_ANSWERS: Record<string, Answer> = {};

function withAnswers(answers: Record<string, Answer>, patch: Iterable<[string, Answer | null]>): Record<string, Answer> {
  const next = { ...answers };
  for (const [id, a] of patch) {
    if (a === null) delete next[id];
    else next[id] = a;
  }
  return next;
}

/**
 * Cost-plan options and checklist answers: saved with the shortlist item when there is one; otherwise kept
 * as the provider's unsaved draft (storage.session, per provider) as the user types. When the provider is
 * added to a shortlist, the draft is carried into the new item (answers the item lacks, and the plan when
 * the item has none) and then cleared, so nothing typed before "Add to shortlist" is lost.
 * Answers are shown from a local mirror at once and written per question after a short pause, so typing
 * never waits on storage. Every save is made over the revision the item was read at; another window's
 * change to the same question (or the plan) is shown as a conflict, never replaced.
 *
 *   providerId  the dataset provider the view shows (null/omitted: no draft, e.g. a clinic added by hand).
 */
export function useItemPlan(item: StoredShortlistItem | null, providerId: string | null = null): ItemPlan {
  const store = useShortlistStore();
  const drafts = usePlanDraft(providerId);
  /** A draft being carried into the item: shown until the item holds it. */
  const carrying = useRef<Record<string, Answer> | null>(null);
  const [localOptions, setLocalOptions] = useState<PlanOptions | null>(null);
  const [answers, setAnswers] = useState(item?.answers ?? NO_ANSWERS);
  const [error, setError] = useState<string | null>(null);
  const [answerConflict, setAnswerConflict] = useState<OpenConflict<Record<string, Answer | null>> | null>(null);
  const pending = useRef(new Map<string, Answer | null>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const itemRef = useRef(item);
  itemRef.current = item;
  const conflictRef = useRef(answerConflict);
  conflictRef.current = answerConflict;
  const plan = useItemSave<PlanOptions | null>(
    (value, expectedRevision, base) =>
      store.updateItem(itemRef.current!.id, { plan: value, expectedRevision }, base === undefined ? undefined : { plan: base }),
    (stored) => stored.plan,
    { key: item ? `${item.id}:plan` : undefined, merge: mergePlansLazily },
  );

  // Another window's (or this page's) saved answers arrive with the item; unsaved typing (and this
  // window's side of an open conflict) wins.
  useEffect(() => {
    if (!item) return;
    const carried = Object.entries(carrying.current ?? {}).filter(([id]) => !(id in item.answers));
    setAnswers(() => withAnswers(withAnswers(withAnswers(item.answers, carried), Object.entries(conflictRef.current?.mine ?? {})), pending.current));
  }, [item?.answers]);

  // Carry an unsaved draft into the item once there is one (after "Add to shortlist", here or elsewhere).
  const draft = drafts.draft;
  useEffect(() => {
    if (!item || !drafts.loaded || carrying.current) return;
    const answersPatch: Record<string, Answer> = {};
    for (const [id, a] of Object.entries(draft.answers)) if (!(id in item.answers)) answersPatch[id] = a;
    const planPatch = item.plan === null && draft.options !== null ? draft.options : undefined;
    if (Object.keys(answersPatch).length === 0 && planPatch === undefined) {
      if (Object.keys(draft.answers).length > 0 || draft.options !== null) void drafts.clear();
      return;
    }
    carrying.current = answersPatch;
    setAnswers((prev) => withAnswers(prev, Object.entries(answersPatch).filter(([id]) => !(id in prev))));
    store
      .updateItem(
        item.id,
        { answers: answersPatch, ...(planPatch ? { plan: planPatch } : {}), expectedRevision: item.revision },
        { answers: item.answers, ...(planPatch ? { plan: item.plan } : {}) },
      )
      .then(
        () => {
          carrying.current = null;
          setError(null);
          void drafts.clear();
        },
        (e: Error) => {
          // The draft stays (in storage.session and on screen); the next change of the item tries again.
          carrying.current = null;
          if (!isItemConflict(e)) setError(e.message);
        },
      );
  }, [item?.id, item?.revision, drafts.loaded, draft]);

  const writeAnswers = (patch: Record<string, Answer | null>, expectedRevision: number, base?: Record<string, Answer>) =>
    store.updateItem(itemRef.current!.id, { answers: patch, expectedRevision }, base && { answers: base });

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const current = itemRef.current;
    if (pending.current.size === 0 || !current) return;
    const patch = Object.fromEntries(pending.current);
    pending.current = new Map();
    writeAnswers(patch, current.revision, current.answers).then(
      () => setError(null),
      (e: Error) => {
        if (isItemConflict(e)) {
          // The questions answered differently in both windows wait for the user; the others are saved again.
          const mine: Record<string, Answer | null> = {};
          const theirs: Record<string, Answer | null> = {};
          for (const [id, a] of Object.entries(patch)) {
            const before = current.answers[id];
            const now = e.stored.answers[id];
            if (JSON.stringify(before ?? null) !== JSON.stringify(now ?? null)) {
              mine[id] = a;
              theirs[id] = now ?? null;
            } else if (!pending.current.has(id)) pending.current.set(id, a);
          }
          const open = conflictRef.current;
          setAnswerConflict({
            mine: { ...open?.mine, ...mine },
            theirs: { ...open?.theirs, ...theirs },
            revision: e.stored.revision,
          });
          setError(null);
          if (pending.current.size > 0) timer.current = setTimeout(flush, ANSWER_SAVE_DELAY_MS);
          return;
        }
        for (const [id, a] of Object.entries(patch)) if (!pending.current.has(id)) pending.current.set(id, a);
        setError(e.message);
      },
    );
  };
  useEffect(() => () => flush(), [item?.id]);

  const resolveAnswers = (mine: boolean) => {
    const c = conflictRef.current;
    if (!c || !itemRef.current) return;
    const chosen = mine ? c.mine : c.theirs;
    setAnswerConflict(null);
    setAnswers((prev) => withAnswers(prev, Object.entries(chosen)));
    writeAnswers(chosen, c.revision).then(
      () => setError(null),
      (e: Error) => {
        if (isItemConflict(e)) {
          const theirs = Object.fromEntries(Object.keys(chosen).map((id) => [id, e.stored.answers[id] ?? null]));
          setAnswerConflict({ mine: c.mine, theirs, revision: e.stored.revision });
        } else {
          setAnswerConflict(c);
          setError(e.message);
        }
      },
    );
  };

  const conflict: ItemPlanConflict | null = plan.conflict
    ? { field: 'plan', ...plan.conflict }
    : answerConflict
      ? { field: 'answers', ...answerConflict }
      : null;

  const withDraft = providerId !== null;
  // Until a draft is carried into a new item (and cleared), it is shown with the item: no flash of "0 answered".
  const unsettled = item !== null && drafts.loaded ? draft : null;
  const shownAnswers = unsettled && Object.keys(unsettled.answers).length > 0 ? { ...unsettled.answers, ...answers } : answers;

  return {
    options: item ? (plan.conflict ? plan.conflict.mine : (item.plan ?? unsettled?.options ?? null)) : withDraft ? draft.options : localOptions,
    answers: item ? shownAnswers : withDraft ? draft.answers : answers,
    error: error ?? plan.error?.message ?? null,
    conflict,
    keepMine: () => (plan.conflict ? void plan.keepMine() : resolveAnswers(true)),
    keepTheirs: () => (plan.conflict ? void plan.keepTheirs() : resolveAnswers(false)),
    saved: item !== null,
    onOptionsChange: (options) => {
      if (!item) return withDraft ? drafts.setOptions(options) : setLocalOptions(options);
      setError(null);
      void plan.save(options, item.revision, item.plan);
    },
    onAnswer: (id, a) => {
      if (!item && withDraft) return drafts.setAnswer(id, a);
      setAnswers((prev) => withAnswers(prev, [[id, a]]));
      if (!item) return;
      if (conflictRef.current && id in conflictRef.current.mine) {
        // Still undecided: the newest typing is "mine" in the choice.
        setAnswerConflict({ ...conflictRef.current, mine: { ...conflictRef.current.mine, [id]: a } });
        return;
      }
      pending.current.set(id, a);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, ANSWER_SAVE_DELAY_MS);
    },
  };
}
