// Unsaved drafts of a provider's cost-plan options and checklist answers, for a provider that is on no
// shortlist: kept as the user types, per provider, in `browser.storage.session` (memory only: never written
// to disk, gone when the browser closes), so leaving the card or closing the panel loses nothing. When the
// provider is added to a shortlist, useItemPlan (state/item-plan.ts) carries the draft into the new item
// and clears it.
//
// Keys: `planDraft:<providerId>` → { options: PlanOptions | null, answers: Record<questionId, Answer> }.
// Read values are validated (anything that does not fit is dropped); an empty draft removes its key.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Answer, PlanOptions } from '@/lib/shortlist/schema';

export interface PlanDraft {
  options: PlanOptions | null;
  answers: Record<string, Answer>;
}

export const EMPTY_DRAFT: PlanDraft = Object.freeze({ options: null, answers: Object.freeze({}) as Record<string, Answer> });

const PREFIX = 'planDraft:';
export const draftKey = (providerId: string) => `${PREFIX}${providerId}`;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** A stored value as a draft: invalid parts are dropped, never trusted. */
export function readDraft(raw: unknown): PlanDraft {
  if (typeof raw !== 'object' || raw === null) return EMPTY_DRAFT;
  const r = raw as { options?: unknown; answers?: unknown };
  const options = PlanOptions.safeParse(r.options);
  const answers: Record<string, Answer> = {};
  if (typeof r.answers === 'object' && r.answers !== null) {
    for (const [id, a] of Object.entries(r.answers)) {
      if (RESERVED.has(id) || id.length === 0 || id.length > 100) continue;
      const parsed = Answer.safeParse(a);
      if (parsed.success) answers[id] = parsed.data;
    }
  }
  return { options: options.success ? options.data : null, answers };
}

export const isEmptyDraft = (d: PlanDraft) => d.options === null && Object.keys(d.answers).length === 0;

type Listener = () => void;

/** The drafts of this page: read once per provider, then kept in memory and written through on every change. */
class PlanDraftStore {
  #cache = new Map<string, PlanDraft>();
  #loading = new Map<string, Promise<PlanDraft>>();
  #listeners = new Map<string, Set<Listener>>();
  /** Marks this page's writes, so their storage.onChanged echoes are not taken for another panel's. */
  #pageId = Math.random().toString(36).slice(2);
  /** Writes of this page queued or under way, per key. */
  #inFlight = new Map<string, number>();
  #queue: Promise<unknown> = Promise.resolve();
  #memory = new Map<string, PlanDraft>(); // when storage.session is not available
  #listening = false;

  /** The draft as this page knows it; undefined until loaded. */
  peek(providerId: string): PlanDraft | undefined {
    return this.#cache.get(providerId);
  }

  load(providerId: string): Promise<PlanDraft> {
    this.#listen();
    const cached = this.#cache.get(providerId);
    if (cached) return Promise.resolve(cached);
    let p = this.#loading.get(providerId);
    if (!p) {
      p = this.#read(providerId).then((d) => {
        this.#loading.delete(providerId);
        // A change made while loading wins over what was stored.
        const current = this.#cache.get(providerId) ?? d;
        this.#cache.set(providerId, current);
        this.#notify(providerId);
        return current;
      });
      this.#loading.set(providerId, p);
    }
    return p;
  }

  setAnswer(providerId: string, questionId: string, a: Answer | null): Promise<void> {
    if (RESERVED.has(questionId)) return Promise.resolve();
    return this.#change(providerId, (d) => {
      const answers = { ...d.answers };
      if (a === null) delete answers[questionId];
      else answers[questionId] = a;
      return { ...d, answers };
    });
  }

  setOptions(providerId: string, options: PlanOptions | null): Promise<void> {
    return this.#change(providerId, (d) => ({ ...d, options }));
  }

  clear(providerId: string): Promise<void> {
    return this.#change(providerId, () => EMPTY_DRAFT);
  }

  subscribe(providerId: string, fn: Listener): () => void {
    let set = this.#listeners.get(providerId);
    if (!set) this.#listeners.set(providerId, (set = new Set()));
    set.add(fn);
    return () => set.delete(fn);
  }

  /** For tests: forget everything this page holds in memory. */
  reset() {
    this.#cache.clear();
    this.#loading.clear();
    this.#inFlight.clear();
    this.#memory.clear();
  }

  #change(providerId: string, apply: (d: PlanDraft) => PlanDraft): Promise<void> {
    // Shown at once; the stored value is changed the same way, after any earlier write of this page.
    const before = this.#cache.get(providerId);
    if (before) {
      this.#cache.set(providerId, apply(before));
      this.#notify(providerId);
    }
    const key = draftKey(providerId);
    this.#inFlight.set(key, (this.#inFlight.get(key) ?? 0) + 1);
    const run = this.#queue.then(async () => {
      const stored = before ? null : await this.#read(providerId);
      const next = before ? (this.#cache.get(providerId) as PlanDraft) : apply(this.#cache.get(providerId) ?? (stored as PlanDraft));
      if (!before) {
        this.#cache.set(providerId, next);
        this.#notify(providerId);
      }
      await this.#write(providerId, next);
    });
    const done = () => this.#inFlight.set(key, (this.#inFlight.get(key) ?? 1) - 1);
    run.then(done, done);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #read(providerId: string): Promise<PlanDraft> {
    const key = draftKey(providerId);
    try {
      const got = await browser.storage.session.get(key);
      return readDraft(got[key]);
    } catch {
      return this.#memory.get(providerId) ?? EMPTY_DRAFT;
    }
  }

  async #write(providerId: string, d: PlanDraft): Promise<void> {
    const key = draftKey(providerId);
    this.#memory.set(providerId, d);
    try {
      if (isEmptyDraft(d)) await browser.storage.session.remove(key);
      else await browser.storage.session.set({ [key]: { options: d.options, answers: d.answers, by: this.#pageId } });
    } catch {
      // Kept in memory for this page.
    }
  }

  #notify(providerId: string) {
    for (const fn of this.#listeners.get(providerId) ?? []) fn();
  }

  /** Another panel's drafts (the same provider open in two windows) arrive through storage.onChanged. */
  #listen() {
    if (this.#listening) return;
    this.#listening = true;
    try {
      browser.storage.onChanged.addListener((changes, area) => {
        if (area !== 'session') return;
        for (const [key, change] of Object.entries(changes)) {
          if (!key.startsWith(PREFIX)) continue;
          const value = (change as { newValue?: unknown }).newValue as { by?: unknown } | undefined;
          if (value?.by === this.#pageId) continue; // this page's own write
          // A removal while this page has writes queued is this page's own (or about to be overwritten by them).
          if (value === undefined && (this.#inFlight.get(key) ?? 0) > 0) continue;
          const providerId = key.slice(PREFIX.length);
          if (!this.#cache.has(providerId)) continue;
          this.#cache.set(providerId, readDraft(value));
          this.#notify(providerId);
        }
      });
    } catch {
      // No storage events: this page's drafts still work.
    }
  }
}

export const planDrafts = new PlanDraftStore();

export interface PlanDraftHandle {
  /** The draft (EMPTY_DRAFT until loaded, or with no provider). */
  draft: PlanDraft;
  loaded: boolean;
  setAnswer(questionId: string, a: Answer | null): void;
  setOptions(o: PlanOptions | null): void;
  clear(): Promise<void>;
}

/** The unsaved draft of one provider (null: none, e.g. a clinic the user added by hand). */
export function usePlanDraft(providerId: string | null): PlanDraftHandle {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (providerId === null) return;
    const off = planDrafts.subscribe(providerId, () => setTick((t) => t + 1));
    void planDrafts.load(providerId);
    return off;
  }, [providerId]);
  const draft = providerId === null ? undefined : planDrafts.peek(providerId);
  return {
    draft: draft ?? EMPTY_DRAFT,
    loaded: draft !== undefined,
    setAnswer: (id, a) => {
      if (providerId !== null) void planDrafts.setAnswer(providerId, id, a);
    },
    setOptions: (o) => {
      if (providerId !== null) void planDrafts.setOptions(providerId, o);
    },
    clear: () => (providerId === null ? Promise.resolve() : planDrafts.clear(providerId)),
  };
}
