import { describe, expect, it } from 'vitest';
import type { Provider } from '../../../lib/dataset/schema';
import { TrackingFields } from '../../../lib/changes/schema';
import {
  UNTRACKED,
  changedSinceHeading,
  hasUnseen,
  latestChangeLine,
  markSeen,
  reconcile,
  startTracking,
  unseenChanges,
} from '../../../lib/changes/tracking';
import { snapshotOf } from '../../../lib/changes/snapshot';
import { makeProvider } from '../../fixtures/providers';

const A = { app: '0.1.0', data: 'aaaaaaaaaaaaaaaa' };
const B = { app: '0.2.0', data: 'bbbbbbbbbbbbbbbb' };
const C = { app: '0.3.0', data: 'cccccccccccccccc' };
const T0 = Date.UTC(2026, 0, 10, 12);
const T1 = Date.UTC(2026, 1, 10, 12);
const T2 = Date.UTC(2026, 2, 10, 12);

const p0 = makeProvider();
const closed = makeProvider({ status: { state: 'closed', since: '2026-02-01', detail: 'Closed.', sources: [{ url: 'https://news.example.com/c', date: '2026-02-02' }] } });
const pricier = makeProvider({ prices: [p0.prices[0]!, { ...p0.prices[1]!, low: 500, high: 600 }] });

const saved = (provider: Provider = p0) => ({ providerId: provider.id, ...startTracking(provider, A, T0) });
const valid = (item: object) => expect(TrackingFields.safeParse(item).success).toBe(true);

describe('startTracking', () => {
  it('keeps the facts as the user sees them when saving', () => {
    expect(saved()).toMatchObject({ facts: { snapshot: snapshotOf(p0), snapshotSince: T0, firstRun: false, version: A }, changeHistory: [], removed: null });
    expect(startTracking(null, A, T0)).toEqual(UNTRACKED); // custom clinic
  });
});

describe('reconcile', () => {
  it('nothing changed: nothing to write', () => {
    expect(reconcile(saved(), p0, B, T1)).toBeNull();
    expect(reconcile({ providerId: null, ...UNTRACKED }, null, B, T1)).toBeNull();
  });

  it('an item saved before tracking gets its snapshot on the first run, dated then, with no change reported', () => {
    const next = reconcile({ providerId: p0.id, ...UNTRACKED }, closed, B, T1)!;
    expect(next.facts).toEqual({ snapshot: snapshotOf(closed), snapshotSince: T1, firstRun: true, version: B });
    expect(next.changeHistory).toEqual([]);
    expect(changedSinceHeading(next)).toBe('Changed since 10 Feb 2026');
    expect(reconcile(next, closed, B, T2)).toBeNull();
  });

  it('records one unseen entry; running again is idempotent; a further update replaces it', () => {
    const once = reconcile(saved(), closed, B, T1)!;
    valid(once);
    expect(unseenChanges(once).map((c) => c.text)).toEqual(['Now closed (since 1 Feb 2026)']);
    expect(once.changeHistory).toEqual([{ seenAt: null, foundAt: T1, version: B, changes: unseenChanges(once) }]);
    expect(once.facts!.snapshot).toEqual(snapshotOf(p0)); // the snapshot moves only when seen
    expect(reconcile(once, closed, B, T2)).toBeNull();

    const both = { ...closed, prices: pricier.prices };
    const twice = reconcile(once, both, C, T2)!;
    expect(twice.changeHistory).toHaveLength(1);
    expect(unseenChanges(twice).map((c) => c.field)).toEqual(['status', 'price']);
    expect(changedSinceHeading(twice)).toBe('Changed since you saved it');
  });

  it('a change undone before it was seen leaves nothing behind', () => {
    const once = reconcile(saved(), pricier, B, T1)!;
    const back = reconcile(once, p0, C, T2)!;
    expect(back.changeHistory).toEqual([]);
    expect(hasUnseen(back)).toBe(false);
  });

  it('a provider gone from the dataset is marked removed (once) and cleared if it comes back', () => {
    const gone = reconcile(saved(), null, B, T1)!;
    expect(gone.removed).toEqual({ at: T1, version: B, seenAt: null });
    expect(gone.facts).toEqual(saved().facts); // kept
    expect(hasUnseen(gone)).toBe(true);
    expect(latestChangeLine(gone)).toBe("No longer in Clinic Scout's list since version 0.2.0 (noticed 10 Feb 2026)");
    expect(reconcile(gone, null, C, T2)).toBeNull();
    const back = reconcile(gone, p0, C, T2)!;
    expect(back.removed).toBeNull();
    expect(hasUnseen(back)).toBe(false);
  });
});

describe('markSeen', () => {
  it('dates the entry, moves the snapshot to the current facts and keeps the old value in the history', () => {
    const found = reconcile(saved(), pricier, B, T1)!;
    const seen = markSeen(found, pricier, B, T2)!;
    valid(seen);
    expect(hasUnseen(seen)).toBe(false);
    expect(seen.facts).toEqual({ snapshot: snapshotOf(pricier), snapshotSince: T2, firstRun: false, version: B });
    expect(seen.changeHistory).toEqual([{ ...found.changeHistory[0]!, seenAt: T2 }]);
    expect(seen.changeHistory[0]!.changes[0]).toMatchObject({ old: { low: 450, high: 550 }, new: { low: 500, high: 600 } });
    expect(latestChangeLine(seen)).toBe('Price per session was $450–$550, now $500–$600 (found 10 Feb 2026, seen 10 Mar 2026)');
    // A restart with the same data brings nothing back.
    expect(reconcile(seen, pricier, B, T2 + 1)).toBeNull();
    expect(markSeen(seen, pricier, B, T2 + 1)).toBeNull();
    // The next change is "since" the day it was seen.
    const next = reconcile(seen, closed, C, T2 + 2)!;
    expect(changedSinceHeading(next)).toBe('Changed since 10 Mar 2026');
    expect(next.changeHistory).toHaveLength(2);
  });

  it('marks a removal as seen and keeps the last known facts', () => {
    const gone = reconcile(saved(), null, B, T1)!;
    const seen = markSeen(gone, null, B, T2)!;
    expect(seen.removed).toEqual({ at: T1, version: B, seenAt: T2 });
    expect(seen.facts).toEqual(gone.facts);
    expect(hasUnseen(seen)).toBe(false);
  });
});

describe('latestChangeLine', () => {
  it('null without history; the unseen entry with its heading', () => {
    expect(latestChangeLine(saved())).toBeNull();
    const found = reconcile(saved(), closed, B, T1)!;
    expect(latestChangeLine(found)).toBe('Changed since you saved it: Now closed (since 1 Feb 2026)');
  });
});
