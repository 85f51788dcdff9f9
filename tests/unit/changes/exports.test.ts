// Exports and change tracking: JSON round-trips the history; CSV and Markdown show the latest change.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { toCsv } from '../../../lib/export/csv';
import { toMarkdown } from '../../../lib/export/markdown';
import { toJson } from '../../../lib/export/json-format';
import { parseImport } from '../../../lib/export/import';
import { planImport } from '../../../lib/export/merge';
import { markSeen, reconcile, startTracking } from '../../../lib/changes/tracking';
import { MINDBLOOM, exportInput, makeItem, makeList } from '../export/fixtures';

const A = { app: '0.1.0', data: 'aaaaaaaaaaaaaaaa' };
const B = { app: '0.2.0', data: 'bbbbbbbbbbbbbbbb' };
const closedNow = { ...MINDBLOOM, status: { state: 'closed' as const, since: '2026-11-20', detail: 'Closed.', sources: [{ url: 'https://news.example.com/c', date: '2026-11-21' }] } };
const T = Date.UTC(2026, 10, 22, 12);

function itemsWithHistory() {
  const base = makeItem({ id: 'i1', shortlistId: 'l1', providerId: MINDBLOOM.id, ...startTracking(MINDBLOOM, A, T - 1000) });
  const unseen = reconcile(base, closedNow, B, T)!;
  const seen = markSeen(unseen, closedNow, B, T + 86_400_000)!;
  return { unseen, seen };
}

describe('exports with change tracking', () => {
  it('JSON round-trips facts, the whole history and its seen dates', () => {
    const { unseen, seen } = itemsWithHistory();
    const data = { shortlists: [makeList({ id: 'l1' })], items: [unseen, { ...seen, id: 'i2', position: 1 }] };
    const result = parseImport(toJson(data, new Date(T)));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.data.items).toStrictEqual(data.items);
    expect(result.data.items[1]!.changeHistory[0]!.changes[0]!.old).toEqual({ state: 'operating', since: null });
  });

  it('CSV has a "Latest change" column; Markdown a "Latest change" line', () => {
    const { unseen, seen } = itemsWithHistory();
    const input = exportInput({ shortlists: [makeList({ id: 'l1' })], items: [unseen, { ...seen, id: 'i2', position: 1 }, makeItem({ id: 'i3', shortlistId: 'l1', position: 2 })] });
    const rows = Papa.parse<Record<string, string>>(toCsv(input).slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r['Latest change'])).toEqual([
      'Changed since you saved it: Now closed (since 20 Nov 2026)',
      'Now closed (since 20 Nov 2026) (found 22 Nov 2026, seen 23 Nov 2026)',
      '',
    ]);
    const md = toMarkdown(input);
    expect(md).toContain('- Latest change: Changed since you saved it: Now closed (since 20 Nov 2026)\n');
    expect(md.match(/Latest change/g)).toHaveLength(2);
  });

  it('importing a backup of the same item taken before a change check is "unchanged", not a conflict', () => {
    const { unseen } = itemsWithHistory();
    const list = makeList({ id: 'l1' });
    const old = { ...unseen, facts: null, changeHistory: [], removed: null };
    const plan = planImport({ shortlists: [list], items: [unseen] }, { shortlists: [list], items: [old] });
    expect(plan.items.conflicts).toEqual([]);
    expect(plan.items.unchanged.map((i) => i.id)).toEqual(['i1']);
    // Something the user wrote still conflicts.
    expect(planImport({ shortlists: [list], items: [unseen] }, { shortlists: [list], items: [{ ...old, notes: 'other' }] }).items.conflicts).toHaveLength(1);
  });
});
