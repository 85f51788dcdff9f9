import { describe, expect, it } from 'vitest';
import { columnTitle, compareRows, lineText, type CompareRow } from '../../../lib/compare/rows';
import type { Provider } from '../../../lib/dataset/schema';
import { closedProvider, makeProvider } from '../../fixtures/providers';

// Made-up providers (tests/fixtures/providers.ts): never real facts.
const a = makeProvider();
const b = makeProvider({
  id: 'example-home',
  name: 'Example At-Home Programme',
  kind: 'telehealth-programme',
  delivery: { value: 'at-home', sources: [] },
  modalities: { value: ['oral-sublingual'], sources: [] },
  locations: [],
  statesServed: { value: null, sources: [] },
  prices: [
    { kind: 'session', label: 'Per session', low: 150, high: 200, asOf: null, publishedBy: 'third-party', sources: [] },
    { kind: 'package', label: 'Six sessions', low: 900, high: 900, sessions: 6, asOf: null, publishedBy: 'provider', sources: [] },
  ],
  financing: { paymentPlans: 'yes', careCredit: 'unknown', hsaFsa: 'yes', sources: [] },
  staff: { prescribers: 'Physician', administers: null, sources: [] },
});

const row = (rows: CompareRow[], id: CompareRow['id']) => rows.find((r) => r.id === id)!;

describe('compare rows', () => {
  const rows = compareRows([a, b]);

  it('has the attributes in order, one cell per provider', () => {
    expect(rows.map((r) => r.id)).toEqual([
      'status', 'kind', 'modalities', 'delivery', 'locations', 'consultation', 'session', 'packages', 'otherPrices',
      'insurance', 'paymentPlans', 'hsaFsa', 'careCredit', 'prescribers', 'administers', 'therapy', 'lastReviewed', 'sources',
    ]);
    expect(rows.every((r) => r.cells.length === 2)).toBe(true);
  });

  it('marks rows whose known values differ, and only those', () => {
    expect(row(rows, 'delivery').differs).toBe(true);
    expect(row(rows, 'modalities').differs).toBe(true);
    expect(row(rows, 'session').differs).toBe(true);
    expect(row(rows, 'status').differs).toBe(false);
    expect(row(rows, 'hsaFsa').differs).toBe(false);
    expect(row(rows, 'prescribers').differs).toBe(false);
    // Sources are listed, never "different".
    expect(row(rows, 'sources').differs).toBe(false);
  });

  it('shows unknowns as "Unknown" and does not count them as a difference', () => {
    const careCredit = row(rows, 'careCredit');
    expect(careCredit.cells[1]).toEqual({ lines: [{ text: 'Unknown' }], unknown: true });
    expect(careCredit.differs).toBe(false);
    expect(careCredit.partlyUnknown).toBe(true);
    const consult = row(rows, 'consultation');
    expect(consult.cells[1]!.unknown).toBe(true);
    expect(consult.cells[1]!.lines[0]!.text).toBe('Unknown');
    const admin = row(rows, 'administers');
    expect(admin.cells.map((c) => c.unknown)).toEqual([false, true]);
  });

  it('marks price rows as estimates and shows amounts with their labels', () => {
    expect(rows.filter((r) => r.estimate).map((r) => r.id)).toEqual(['consultation', 'session', 'packages', 'otherPrices']);
    expect(row(rows, 'session').cells.map((c) => c.lines.map(lineText))).toEqual([
      ['$450–$550 (IV infusion, 1 hour)'],
      ['$150–$200 (Per session — reported by a third party)'],
    ]);
    expect(row(rows, 'packages').cells[1]!.lines[0]!.text).toBe('$900 for 6 sessions');
  });

  it('treats the same values in another order as the same', () => {
    const x = makeProvider({ modalities: { value: ['iv-infusion', 'esketamine-nasal'], sources: [] } });
    const y = makeProvider({ id: 'y', modalities: { value: ['esketamine-nasal', 'iv-infusion'], sources: [] } });
    expect(row(compareRows([x, y]), 'modalities').differs).toBe(false);
  });

  it('labels a closed provider in its column title and status', () => {
    const c = closedProvider();
    expect(columnTitle(c)).toBe('Example Closed Chain (Closed since 10 Mar 2023)');
    expect(columnTitle(a)).toBe('Example Ketamine Clinic');
    expect(row(compareRows([a, c]), 'status').differs).toBe(true);
  });

  it('lists locations and telehealth states', () => {
    const loc = row(rows, 'locations');
    expect(loc.cells[0]!.lines[0]!.text).toBe('Springfield, IL');
    expect(loc.cells[1]!.lines[0]!.text).toBe('Telehealth (states served not published)');
    const none: Provider = makeProvider({ locations: [] });
    expect(row(compareRows([none]), 'locations').cells[0]!.unknown).toBe(true);
  });
});
