import { describe, expect, it } from 'vitest';
import { compareNotes } from '../../../lib/compare/notes';
import type { General } from '../../../lib/dataset/general-schema';
import { closedProvider, makeProvider } from '../../fixtures/providers';

// Made-up providers and general statements: never real facts.
const s = (path: string) => ({ url: `https://example.org${path}`, date: null });
const general: Pick<General, 'spravato' | 'questions'> = {
  spravato: {
    initialSeries: { sessionsLow: 8, sessionsHigh: 8, weeksLow: 4, weeksHigh: 4, sources: [s('/series')] },
    savingsProgramme: { text: 'Savings text.', sources: [s('/savings')] },
    coverage: { text: 'Coverage statement (test).', sources: [s('/coverage')] },
    listPrice: { text: 'List price text.', sources: [s('/list')] },
  },
  questions: [
    { id: 'insurance-superbill', topic: 'insurance', text: 'Q?', why: 'Insurance why statement (test).', sources: [s('/why')] },
  ],
};

const clinic = makeProvider({
  modalities: { value: ['iv-infusion'], sources: [s('/clinic-modalities')] },
});
const home = makeProvider({
  id: 'example-home',
  name: 'Example Home',
  kind: 'telehealth-programme',
  delivery: { value: 'at-home', sources: [] },
  modalities: { value: ['oral-sublingual'], sources: [] },
  prices: [{ kind: 'session', label: 'Per session', low: 150, high: 200, asOf: null, publishedBy: 'provider', sources: [s('/home-price')] }],
  staff: { prescribers: null, administers: 'Self-administered with a test monitor present.', sources: [s('/home-staff')] },
  comparison: [{ kind: 'strength', text: 'Home strength (test).', sources: [s('/home-note')] }],
});
const spray = makeProvider({
  id: 'example-spray',
  name: 'Example Spray',
  modalities: { value: ['esketamine-nasal'], sources: [s('/spray-modalities')] },
  prices: [],
  comparison: [],
});

describe('comparison notes', () => {
  it('states a closure from the status, with its sources', () => {
    const notes = compareNotes([clinic, closedProvider()]);
    const n = notes.find((x) => x.id === 'status-example-closed')!;
    expect(n.text).toBe('Example Closed Chain closed on 10 Mar 2023.');
    expect(n.sources[0]!.url).toBe('https://news.example.com/closure');
  });

  it('compares per-session prices and, for at-home care, says who gives the ketamine only from the record', () => {
    const n = compareNotes([clinic, home]).find((x) => x.id === 'prices')!;
    expect(n.text).toBe(
      'Lowest published price per session: Example Home (at home) from $150; Example Ketamine Clinic (in clinic) from $450. ' +
        'Who gives the ketamine at Example Home: Self-administered with a test monitor present.',
    );
    expect(n.estimate).toBe(true);
    expect(n.sources.map((x) => x.url)).toEqual(expect.arrayContaining(['https://example.org/home-price', 'https://example.org/home-staff']));
    // Without a record of who administers, nothing is said about it.
    const quiet = compareNotes([clinic, { ...home, staff: { ...home.staff, administers: null } }]).find((x) => x.id === 'prices')!;
    expect(quiet.text).not.toMatch(/Who gives/);
  });

  it('gives no price note with fewer than two published session prices, and names the ones without', () => {
    expect(compareNotes([clinic, spray]).find((x) => x.id === 'prices')).toBeUndefined();
    const three = compareNotes([clinic, home, spray]).find((x) => x.id === 'prices')!;
    expect(three.text).toMatch(/No per-session price is published for Example Spray\./);
  });

  it('adds the general insurance statement only when Spravato and IV ketamine are both compared', () => {
    const n = compareNotes([clinic, spray], general).find((x) => x.id === 'insurance')!;
    expect(n.text).toBe(
      'Esketamine nasal spray (Spravato) is offered by Example Spray; IV infusion by Example Ketamine Clinic. Insurance why statement (test).',
    );
    expect(n.origin).toBe('general');
    expect(n.sources.map((x) => x.url)).toEqual(
      expect.arrayContaining(['https://example.org/why', 'https://example.org/spray-modalities', 'https://example.org/clinic-modalities']),
    );
    expect(compareNotes([clinic, home], general).find((x) => x.id === 'insurance')).toBeUndefined();
    expect(compareNotes([clinic, spray]).find((x) => x.id === 'insurance')).toBeUndefined();
  });

  it("includes each provider's own comparison notes, attributed", () => {
    const n = compareNotes([clinic, home]).filter((x) => x.origin === 'provider');
    expect(n.map((x) => [x.providerName, x.tone, x.text])).toEqual([
      ['Example Ketamine Clinic', 'consideration', 'Does not bill insurance; gives a superbill.'],
      ['Example Home', 'strength', 'Home strength (test).'],
    ]);
  });
});
