// Merging an imported file into what is already stored. planImport previews, applyImportChoices turns the
// user's choices into the exact records to write (puts only, in one transaction). Nothing is overwritten
// unless the user picked "take theirs" for that conflict.
//
// Lists match by id, else by name (case- and space-insensitive, lists not in the trash): items of a list
// matched by name go into the existing list. Items match by id, else by same target list + same provider
// (custom clinics: same name). A match whose content is the same is "unchanged"; otherwise it is a conflict.
import { deepEqual } from '../deep-equal';
import type { Shortlist, ShortlistItem } from '../shortlist/schema';
import { copyItem, copyShortlist } from './json-format';

export const CHOICES = ['keep-mine', 'take-theirs', 'keep-both'] as const;
export type ImportChoice = (typeof CHOICES)[number];

export interface ShortlistRecords {
  shortlists: readonly Shortlist[];
  items: readonly ShortlistItem[];
}

export interface ListConflict {
  /** Key for the choices record. */
  key: string;
  mine: Shortlist;
  theirs: Shortlist;
}

export interface ItemConflict {
  key: string;
  /** 'same-id': the same item changed on both sides; 'same-clinic': the same clinic on the same list. */
  reason: 'same-id' | 'same-clinic';
  mine: ShortlistItem;
  theirs: ShortlistItem;
  /** The incoming list it belongs to; if that list's conflict is resolved 'keep-both', this choice is not needed. */
  theirListId: string;
}

export interface ImportPlan {
  lists: {
    add: Shortlist[];
    /** Incoming lists whose items go into an existing list with the same name. */
    mergeByName: { theirs: Shortlist; mine: Shortlist }[];
    unchanged: Shortlist[];
    conflicts: ListConflict[];
  };
  items: {
    add: ShortlistItem[];
    unchanged: ShortlistItem[];
    conflicts: ItemConflict[];
  };
  /** Incoming list id → the list id its items go to (unless its conflict is resolved 'keep-both'). A Map: ids are data, never object keys. */
  listTarget: Map<string, string>;
  /** Every id in use on either side, so fresh ids never collide. */
  usedIds: string[];
}

const normName = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

export function planImport(stored: ShortlistRecords, incoming: ShortlistRecords): ImportPlan {
  // Compare model fields only: storage keeps bookkeeping (an item's revision) that files never carry.
  const existing: ShortlistRecords = { shortlists: stored.shortlists.map(copyShortlist), items: stored.items.map(copyItem) };
  const plan: ImportPlan = {
    lists: { add: [], mergeByName: [], unchanged: [], conflicts: [] },
    items: { add: [], unchanged: [], conflicts: [] },
    listTarget: new Map(),
    usedIds: [],
  };
  const listsById = new Map(existing.shortlists.map((s) => [s.id, s]));
  const listsByName = new Map<string, Shortlist>();
  for (const s of [...existing.shortlists].sort((a, b) => a.createdAt - b.createdAt)) {
    if (s.deletedAt === null && !listsByName.has(normName(s.name))) listsByName.set(normName(s.name), s);
  }

  for (const theirs of incoming.shortlists) {
    const mine = listsById.get(theirs.id);
    if (mine) {
      plan.listTarget.set(theirs.id, mine.id);
      if (deepEqual(mine, theirs)) plan.lists.unchanged.push(theirs);
      else plan.lists.conflicts.push({ key: `list:${theirs.id}`, mine, theirs });
      continue;
    }
    const byName = theirs.deletedAt === null ? listsByName.get(normName(theirs.name)) : undefined;
    if (byName) {
      plan.listTarget.set(theirs.id, byName.id);
      plan.lists.mergeByName.push({ theirs, mine: byName });
    } else {
      plan.listTarget.set(theirs.id, theirs.id);
      plan.lists.add.push(theirs);
    }
  }

  const itemsById = new Map(existing.items.map((i) => [i.id, i]));
  const claimed = new Set<string>();
  const byClinic = new Map<string, ShortlistItem[]>();
  for (const i of existing.items) {
    const k = clinicKey(i.shortlistId, i);
    if (!k) continue;
    const same = byClinic.get(k);
    if (same) same.push(i);
    else byClinic.set(k, [i]);
  }
  // Same-id matches first, so a clinic match never takes an item that an id match needs.
  for (const t of incoming.items) if (itemsById.has(t.id)) claimed.add(t.id);

  for (const theirs of incoming.items) {
    const target = plan.listTarget.get(theirs.shortlistId) ?? theirs.shortlistId;
    const byId = itemsById.get(theirs.id);
    if (byId) {
      if (deepEqual(userRecord(byId), userRecord({ ...theirs, shortlistId: target }))) plan.items.unchanged.push(theirs);
      else plan.items.conflicts.push({ key: `item:${theirs.id}`, reason: 'same-id', mine: byId, theirs, theirListId: theirs.shortlistId });
      continue;
    }
    const k = clinicKey(target, theirs);
    const mine = k ? byClinic.get(k)?.find((i) => !claimed.has(i.id)) : undefined;
    if (mine) {
      claimed.add(mine.id);
      if (sameContent(mine, theirs)) plan.items.unchanged.push(theirs);
      else plan.items.conflicts.push({ key: `item:${theirs.id}`, reason: 'same-clinic', mine, theirs, theirListId: theirs.shortlistId });
    } else {
      plan.items.add.push(theirs);
    }
  }

  const used = new Set<string>();
  for (const r of [existing, incoming]) {
    for (const s of r.shortlists) used.add(s.id);
    for (const i of r.items) used.add(i.id);
  }
  plan.usedIds = [...used];
  return plan;
}

/** The conflicts that need a choice, given the list choices made so far (items of a list kept as a copy need none). */
export function conflictsNeedingChoice(plan: ImportPlan, choices: Readonly<Record<string, ImportChoice>>): string[] {
  const copied = copiedLists(plan, choices);
  return [
    ...plan.lists.conflicts.map((c) => c.key),
    ...plan.items.conflicts.filter((c) => !copied.has(c.theirListId)).map((c) => c.key),
  ];
}

export class MissingChoicesError extends Error {
  constructor(readonly keys: string[]) {
    super(`No valid choice was made for ${keys.length} conflict${keys.length === 1 ? '' : 's'}: ${keys.join(', ')}`);
    this.name = 'MissingChoicesError';
  }
}

/**
 * The records to write (put) for the user's choices, keyed by conflict key:
 * - keep-mine: nothing of theirs is written for that conflict;
 * - take-theirs: their version is written over mine (same id as mine, on mine's list for a clinic match);
 * - keep-both: their version is written with a fresh id (a list: a copy named "… (imported)", holding
 *   copies of all the incoming items of that list).
 * Throws MissingChoicesError when a conflict has no choice, so nothing is ever decided silently.
 *
 * Trash dates from a file never make local data expire sooner than local rules would (lists in the
 * trash are purged 30 days after `deletedAt`):
 * - a file never puts a list that is in use here into the trash: "take theirs" on such a list takes its
 *   name but leaves it where it is (the user's own items on it stay with it); delete it here if wanted;
 * - "take theirs" on a list that is in the trash on both sides keeps the later of the two dates.
 * Lists that are new here keep the file's dates, so restoring a backup is exact.
 */
export function applyImportChoices(
  plan: ImportPlan,
  choices: Readonly<Record<string, ImportChoice>>,
  newId: () => string = () => crypto.randomUUID(),
): { shortlists: Shortlist[]; items: ShortlistItem[] } {
  const missing = conflictsNeedingChoice(plan, choices).filter(
    (k) => !Object.prototype.hasOwnProperty.call(choices, k) || !CHOICES.includes(choices[k]!),
  );
  if (missing.length) throw new MissingChoicesError(missing);

  const used = new Set(plan.usedIds);
  const freshId = () => {
    let id = newId();
    while (used.has(id)) id = newId();
    used.add(id);
    return id;
  };
  const shortlists: Shortlist[] = [...plan.lists.add];
  const target = plan.listTarget;
  const copies = new Map<string, string>();
  for (const c of plan.lists.conflicts) {
    const choice = choices[c.key];
    if (choice === 'take-theirs') shortlists.push({ ...c.theirs, deletedAt: trashDate(c.mine, c.theirs) });
    else if (choice === 'keep-both') {
      const id = freshId();
      copies.set(c.theirs.id, id);
      shortlists.push({ ...c.theirs, id, name: copyName(c.theirs.name) });
    }
  }

  const items: ShortlistItem[] = [];
  const place = (theirs: ShortlistItem, write: (listId: string) => ShortlistItem | null) => {
    const copyList = copies.get(theirs.shortlistId);
    const item = copyList ? { ...theirs, id: freshId(), shortlistId: copyList } : write(target.get(theirs.shortlistId) ?? theirs.shortlistId);
    if (item) items.push(item);
  };
  for (const theirs of plan.items.add) place(theirs, (listId) => ({ ...theirs, shortlistId: listId }));
  for (const theirs of plan.items.unchanged) place(theirs, () => null);
  for (const c of plan.items.conflicts) {
    place(c.theirs, (listId) => {
      const choice = choices[c.key];
      if (choice === 'take-theirs') {
        return { ...c.theirs, id: c.mine.id, shortlistId: c.reason === 'same-clinic' ? c.mine.shortlistId : listId };
      }
      return choice === 'keep-both' ? { ...c.theirs, id: freshId(), shortlistId: listId } : null;
    });
  }
  return { shortlists, items };
}

/** deletedAt for "take theirs": never trashes a list in use here, never shortens its time in the trash. */
function trashDate(mine: Shortlist, theirs: Shortlist): number | null {
  if (theirs.deletedAt === null) return null; // taking theirs restores it from the trash: nothing is lost
  if (mine.deletedAt === null) return null;
  return Math.max(mine.deletedAt, theirs.deletedAt);
}

/** "Denver (imported)", shortened by whole characters to stay within the 200-unit name limit. */
function copyName(name: string): string {
  const suffix = ' (imported)';
  if (name.length + suffix.length <= 200) return name + suffix;
  let out = '';
  for (const ch of name) {
    if (out.length + ch.length + suffix.length > 200) break;
    out += ch;
  }
  return out.trimEnd() + suffix;
}

function copiedLists(plan: ImportPlan, choices: Readonly<Record<string, ImportChoice>>): Set<string> {
  return new Set(plan.lists.conflicts.filter((c) => choices[c.key] === 'keep-both').map((c) => c.theirs.id));
}

function clinicKey(listId: string, item: ShortlistItem): string | null {
  if (item.providerId !== null) return `${listId}\u0000p:${item.providerId}`;
  if (item.custom) return `${listId}\u0000c:${normName(item.custom.name)}`;
  return null;
}

/**
 * An item without its change tracking (facts, changeHistory, removed): bookkeeping this browser derives from
 * the dataset, not something the user wrote, so a backup taken before a change check is still "the same item".
 * On an unchanged match the stored item (and its tracking) stays as it is.
 */
function userRecord(i: ShortlistItem): Omit<ShortlistItem, 'facts' | 'changeHistory' | 'removed'> {
  const { facts: _f, changeHistory: _h, removed: _r, ...rest } = i;
  return rest;
}

/** Same clinic and the same things the user wrote (ids, position and timestamps aside). */
function sameContent(a: ShortlistItem, b: ShortlistItem): boolean {
  return (
    a.providerId === b.providerId &&
    a.status === b.status &&
    a.notes === b.notes &&
    deepEqual(a.snapshot, b.snapshot) &&
    deepEqual(a.custom, b.custom) &&
    deepEqual(a.quote, b.quote) &&
    deepEqual(a.answers, b.answers) &&
    deepEqual(a.plan, b.plan)
  );
}

