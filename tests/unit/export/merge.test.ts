import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MissingChoicesError, applyImportChoices, conflictsNeedingChoice, planImport, type ImportChoice } from '../../../lib/export/merge';
import { parseImport } from '../../../lib/export/import';
import { toJson } from '../../../lib/export/json-format';
import { Shortlist, ShortlistItem } from '../../../lib/shortlist/schema';
import { CUSTOM_ITEM_FIELDS, makeItem, makeList } from './fixtures';
import { dataArb } from './arbitraries';

const ids = (() => {
  let n = 0;
  return () => `new-${++n}`;
})();

const mine = {
  shortlists: [makeList({ id: 'l1', name: 'Denver' }), makeList({ id: 'l2', name: 'Trash', deletedAt: 5 })],
  items: [
    makeItem({ id: 'm1', shortlistId: 'l1', providerId: 'mindbloom', notes: 'my notes' }),
    makeItem({ id: 'm2', shortlistId: 'l1', providerId: 'closedco', snapshot: { name: 'Closed Co', website: null } }),
    makeItem({ id: 'm3', shortlistId: 'l1', ...CUSTOM_ITEM_FIELDS, notes: 'custom' }),
  ],
};

/** Applies written records to a store the way one transaction of puts would. */
function write(store: { shortlists: readonly Shortlist[]; items: readonly ShortlistItem[] }, w: { shortlists: Shortlist[]; items: ShortlistItem[] }) {
  const lists = new Map(store.shortlists.map((s) => [s.id, s]));
  const items = new Map(store.items.map((i) => [i.id, i]));
  for (const s of w.shortlists) lists.set(s.id, s);
  for (const i of w.items) items.set(i.id, i);
  return { shortlists: [...lists.values()], items: [...items.values()] };
}

describe('planImport / applyImportChoices', () => {
  it('restores a backup into an empty store exactly', () => {
    const plan = planImport({ shortlists: [], items: [] }, mine);
    expect(plan.lists.add).toEqual(mine.shortlists);
    expect(plan.items.add).toEqual(mine.items);
    expect(applyImportChoices(plan, {})).toEqual(mine);
  });

  it('finds nothing to do when the same data is imported again', () => {
    const plan = planImport(mine, structuredClone(mine));
    expect(plan.lists.unchanged).toHaveLength(2);
    expect(plan.items.unchanged).toHaveLength(3);
    expect(plan.items.conflicts).toEqual([]);
    expect(applyImportChoices(plan, {})).toEqual({ shortlists: [], items: [] });
  });

  describe('the same item changed on both sides (same id)', () => {
    const theirs = { shortlists: mine.shortlists, items: [{ ...mine.items[0]!, notes: 'their notes', status: 'contacted' as const }] };
    const plan = planImport(mine, theirs);

    it('is a conflict showing both versions', () => {
      expect(plan.items.conflicts).toEqual([{ key: 'item:m1', reason: 'same-id', mine: mine.items[0], theirs: theirs.items[0], theirListId: 'l1' }]);
      expect(plan.items.add).toEqual([]);
    });
    it('keep-mine writes nothing', () => {
      expect(applyImportChoices(plan, { 'item:m1': 'keep-mine' })).toEqual({ shortlists: [], items: [] });
    });
    it('take-theirs writes theirs over mine', () => {
      expect(applyImportChoices(plan, { 'item:m1': 'take-theirs' }).items).toEqual([theirs.items[0]]);
    });
    it('keep-both adds theirs with a fresh id next to mine', () => {
      const out = applyImportChoices(plan, { 'item:m1': 'keep-both' }, () => 'fresh');
      expect(out.items).toEqual([{ ...theirs.items[0], id: 'fresh' }]);
    });
  });

  describe("a partner's export: same list name and same clinic, different ids", () => {
    const theirs = {
      shortlists: [makeList({ id: 'p-list', name: '  denver ' })],
      items: [
        makeItem({ id: 'p1', shortlistId: 'p-list', providerId: 'mindbloom', notes: 'partner notes' }),
        makeItem({ id: 'p2', shortlistId: 'p-list', providerId: 'closedco', snapshot: { name: 'Closed Co', website: null } }),
        makeItem({ id: 'p3', shortlistId: 'p-list', providerId: 'new-one', snapshot: { name: 'New One', website: null } }),
        makeItem({ id: 'p4', shortlistId: 'p-list', ...CUSTOM_ITEM_FIELDS, custom: { ...CUSTOM_ITEM_FIELDS.custom!, name: 'dr. lee, KETAMINE & co' }, notes: 'theirs' }),
      ],
    };
    const plan = planImport(mine, theirs);

    it('merges the list by name and detects the duplicates', () => {
      expect(plan.lists.mergeByName).toEqual([{ theirs: theirs.shortlists[0], mine: mine.shortlists[0] }]);
      expect(plan.lists.add).toEqual([]);
      expect(plan.items.conflicts.map((c) => [c.key, c.reason, c.mine.id])).toEqual([
        ['item:p1', 'same-clinic', 'm1'],
        ['item:p4', 'same-clinic', 'm3'],
      ]);
      expect(plan.items.unchanged).toEqual([theirs.items[1]]); // same clinic, same content
      expect(plan.items.add).toEqual([theirs.items[2]]);
    });

    it('adds new clinics to my list, and each choice does what it says', () => {
      const keepMine = applyImportChoices(plan, { 'item:p1': 'keep-mine', 'item:p4': 'keep-mine' });
      expect(keepMine).toEqual({ shortlists: [], items: [{ ...theirs.items[2], shortlistId: 'l1' }] });

      const take = applyImportChoices(plan, { 'item:p1': 'take-theirs', 'item:p4': 'keep-mine' });
      expect(take.items).toContainEqual({ ...theirs.items[0], id: 'm1', shortlistId: 'l1' });
      expect(take.items).toHaveLength(2);

      const both = applyImportChoices(plan, { 'item:p1': 'keep-both', 'item:p4': 'keep-both' }, ids);
      const added = both.items.filter((i) => i.id.startsWith('new-'));
      expect(added.map((i) => [i.notes, i.shortlistId])).toEqual([
        ['partner notes', 'l1'],
        ['theirs', 'l1'],
      ]);
    });
  });

  describe('a list changed on both sides (same id)', () => {
    const theirs = {
      shortlists: [{ ...mine.shortlists[0]!, name: 'Denver renamed', updatedAt: 9 }],
      items: [{ ...mine.items[0]!, notes: 'changed' }, makeItem({ id: 't9', shortlistId: 'l1', providerId: 'other', snapshot: { name: 'Other', website: null } })],
    };
    const plan = planImport(mine, theirs);

    it('is a list conflict', () => {
      expect(plan.lists.conflicts).toEqual([{ key: 'list:l1', mine: mine.shortlists[0], theirs: theirs.shortlists[0] }]);
      expect(conflictsNeedingChoice(plan, {})).toEqual(['list:l1', 'item:m1']);
      expect(conflictsNeedingChoice(plan, { 'list:l1': 'keep-both' })).toEqual(['list:l1']);
    });
    it('take-theirs renames; item choices still apply', () => {
      const out = applyImportChoices(plan, { 'list:l1': 'take-theirs', 'item:m1': 'keep-mine' });
      expect(out.shortlists).toEqual([theirs.shortlists[0]]);
      expect(out.items).toEqual([theirs.items[1]]);
    });
    it('keep-both makes a separate copy of their list with all its items', () => {
      const out = applyImportChoices(plan, { 'list:l1': 'keep-both' }, () => `c${Math.random()}`);
      expect(out.shortlists).toHaveLength(1);
      const copy = out.shortlists[0]!;
      expect(copy.name).toBe('Denver renamed (imported)');
      expect(copy.id).not.toBe('l1');
      expect(out.items.map((i) => [i.shortlistId, i.notes])).toEqual([
        [copy.id, ''],
        [copy.id, 'changed'],
      ]);
      expect(out.items.every((i) => i.id !== 'm1' && i.id !== 't9')).toBe(true);
    });
  });

  it('never decides silently: a missing or invalid choice throws', () => {
    const plan = planImport(mine, { shortlists: mine.shortlists, items: [{ ...mine.items[0]!, notes: 'x' }] });
    expect(() => applyImportChoices(plan, {})).toThrow(MissingChoicesError);
    expect(() => applyImportChoices(plan, { 'item:m1': 'overwrite' as ImportChoice })).toThrow(/item:m1/);
  });

  it('does not match a list in the trash by name, and shortens copy names to the limit', () => {
    const plan = planImport(mine, { shortlists: [makeList({ id: 'x', name: 'Trash' })], items: [] });
    expect(plan.lists.add).toHaveLength(1);
    const long = { ...mine.shortlists[0]!, name: '🧠'.repeat(100) };
    const out = applyImportChoices(planImport(mine, { shortlists: [long], items: [] }), { 'list:l1': 'keep-both' });
    expect(out.shortlists[0]!.name).toBe(`${'🧠'.repeat(94)} (imported)`);
    expect(Shortlist.safeParse(out.shortlists[0]).success).toBe(true);
    expect(out.shortlists[0]!.name.endsWith(' (imported)')).toBe(true);
  });

  it('fresh ids never collide with ids on either side', () => {
    const plan = planImport(mine, { shortlists: mine.shortlists, items: [{ ...mine.items[0]!, notes: 'x' }] });
    const seq = ['m2', 'l1', 'm1', 'ok'];
    const out = applyImportChoices(plan, { 'item:m1': 'keep-both' }, () => seq.shift()!);
    expect(out.items[0]!.id).toBe('ok');
  });

  it('only ever writes over an existing record when the user chose take-theirs for it (property)', () => {
    const choice = fc.constantFrom<ImportChoice>('keep-mine', 'take-theirs', 'keep-both');
    fc.assert(
      fc.property(dataArb, dataArb, fc.func(choice), fc.boolean(), (existing, other, pick, overlap) => {
        // Overlap: take some of the existing records, changed, into the incoming file.
        const incoming = overlap
          ? {
              shortlists: [...existing.shortlists.map((s, i) => (i % 2 ? { ...s, updatedAt: s.updatedAt + 1 } : s)), ...other.shortlists.filter((s) => !existing.shortlists.some((e) => e.id === s.id))],
              items: [...existing.items.map((i) => ({ ...i, notes: `${i.notes}!` })), ...other.items.filter((i) => !existing.items.some((e) => e.id === i.id) && existing.shortlists.some((s) => s.id === i.shortlistId))],
            }
          : other;
        const plan = planImport(existing, incoming);
        const choices = Object.fromEntries([...plan.lists.conflicts, ...plan.items.conflicts].map((c) => [c.key, pick(c.key)]));
        const out = applyImportChoices(plan, choices, ids);

        const existingIds = new Set([...existing.shortlists.map((s) => s.id), ...existing.items.map((i) => i.id)]);
        const allowed = new Set([
          ...plan.lists.conflicts.filter((c) => choices[c.key] === 'take-theirs').map((c) => c.mine.id),
          ...plan.items.conflicts.filter((c) => choices[c.key] === 'take-theirs').map((c) => c.mine.id),
        ]);
        for (const r of [...out.shortlists, ...out.items]) if (existingIds.has(r.id)) expect(allowed.has(r.id)).toBe(true);

        // Every written item is on a list that exists after the write, and ids are unique.
        const after = write(existing, out);
        const listIds = new Set(after.shortlists.map((s) => s.id));
        for (const i of out.items) expect(listIds.has(i.shortlistId)).toBe(true);
        expect(new Set(out.items.map((i) => i.id)).size).toBe(out.items.length);
        for (const s of out.shortlists) expect(Shortlist.safeParse(s).success).toBe(true);
        for (const i of out.items) expect(ShortlistItem.safeParse(i).success).toBe(true);
      }),
      { numRuns: 100 },
    );
  }, 20_000); // 100 generated imports, each validated: a guard against a hang on a busy machine, not a timing

  it('treats ids like __proto__ and constructor as plain data', () => {
    const odd = {
      shortlists: [makeList({ id: '__proto__', name: 'A' }), makeList({ id: 'constructor', name: 'B' })],
      items: [makeItem({ id: 'toString', shortlistId: '__proto__' }), makeItem({ id: '__proto__', shortlistId: 'constructor' })],
    };
    const fresh = applyImportChoices(planImport({ shortlists: [], items: [] }, odd), {});
    expect(fresh).toEqual(odd);
    const again = planImport(odd, structuredClone(odd));
    expect(again.items.unchanged).toHaveLength(2);
    expect(Object.getPrototypeOf(again.listTarget)).toBe(Map.prototype);
  });

  it('works on what parseImport returns', () => {
    const r = parseImport(toJson(mine, new Date()));
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(planImport({ shortlists: [], items: [] }, r.data).items.add).toEqual(mine.items);
  });
});
