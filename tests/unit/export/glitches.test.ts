// Issue 13's export glitches: the Markdown cost line said the estimate caveat twice; the CSV dropped the state
// from a location given as a label ("Los Angeles (…)" lost ", CA").
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { BOM, toCsv } from '../../../lib/export/csv';
import { clinicFacts, withEstimateNote } from '../../../lib/export/facts';
import { toMarkdown } from '../../../lib/export/markdown';
import { exportInput, makeItem, makeList, makeProvider } from './fixtures';

const LA = makeProvider({
  id: 'la-clinic',
  name: 'LA Clinic',
  locations: [
    { city: 'Los Angeles', state: 'CA', label: 'Los Angeles (an older article places it in Brentwood; current address not confirmed)', confirmed: true, sources: [] },
    { city: null, state: 'TX', label: 'Dallas / Plano area', confirmed: false, sources: [] },
    { city: 'Albuquerque', state: 'NM', label: 'Albuquerque, NM', confirmed: true, sources: [] },
  ],
});

const COST_LINE = 'Initial series: $2,400–$4,800. Based on published prices; 6-session initial series, no maintenance. Estimate — confirm with the clinic.';

describe('export glitches', () => {
  const shortlists = [makeList({ id: 'l1', name: 'Mine' })];
  const items = [makeItem({ id: 'a', shortlistId: 'l1', providerId: 'la-clinic', snapshot: { name: 'LA Clinic', website: null } })];
  const input = exportInput({ shortlists, items, provider: (id) => (id === LA.id ? LA : undefined), itemExtras: () => ({ costEstimate: COST_LINE }) });

  it('keeps the state of every location, once', () => {
    expect(clinicFacts(LA).locations).toEqual([
      'Los Angeles, CA (an older article places it in Brentwood; current address not confirmed)',
      'Dallas / Plano area, TX (location not confirmed)',
      'Albuquerque, NM',
    ]);
    const rows = Papa.parse<string[]>(toCsv(input).slice(BOM.length), { delimiter: ',', newline: '\r\n', quoteChar: '"' }).data;
    const header = rows[0]!;
    expect(rows[1]![header.indexOf('Locations')]).toContain('Los Angeles, CA (');
  });

  it('says "estimate — confirm with the clinic" once on the Markdown cost line', () => {
    const md = toMarkdown(input);
    const line = md.split('\n').find((l) => l.startsWith('- Cost estimate:'))!;
    expect(line.match(/confirm with the clinic/gi)).toHaveLength(1);
    expect(line).toContain('Estimate — confirm with the clinic.');
    expect(withEstimateNote('$2,400–$3,000')).toBe('$2,400–$3,000 (estimate — confirm with the clinic)');
  });
});
