import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRange } from '../../../lib/format/money';
import {
  DEFAULT_INITIAL_SESSIONS,
  DEFAULT_MAINTENANCE_MONTHS,
  DEFAULT_MAINTENANCE_PER_MONTH,
  estimatePlan,
  LINE_ORDER,
  spravatoSavingsPerTreatment,
  typicalSeriesWords,
  UNKNOWN_OUT_OF_POCKET,
  visibleLines,
  type CostPlan,
} from '../../../lib/cost/plan';
import type { Range } from '../../../lib/cost/range';
import type { Modality, Price, Provider } from '../../../lib/dataset/schema';
import type { PlanOptions, Quote } from '../../../lib/shortlist/schema';
import { makeGeneral, makeProvider, NO_OPTIONS, options, price, quote, TYPICAL } from './fixtures';

const general = makeGeneral();
const r = (low: number, high: number = low): Range => ({ low, high });
/** Maintenance turned on with the usual assumption (it is off unless the user turns it on). */
const ON = options({ maintenancePerMonth: DEFAULT_MAINTENANCE_PER_MONTH, maintenanceMonths: DEFAULT_MAINTENANCE_MONTHS });

describe('estimatePlan: published prices', () => {
  const provider = makeProvider({
    protocol: { initialSessions: 6, sources: [{ url: 'https://example.com/protocol', date: null }] },
    prices: [
      price({ kind: 'consultation', low: 250, high: 250, label: 'Initial consultation', asOf: '2024-11' }),
      price({ kind: 'session', low: 450, high: 550, label: 'IV infusion', modality: 'iv-infusion', asOf: '2024-11' }),
    ],
  });
  const plan = estimatePlan(provider, general, ON);

  it('without options: the consultation and the initial series only, no maintenance and no first year', () => {
    const series = estimatePlan(provider, general, NO_OPTIONS);
    expect(series.settings).toMatchObject({ initialSessions: 6, maintenance: false, maintenancePerMonth: 0, maintenanceMonths: 0 });
    expect(series.lines.firstSeries.range).toEqual(r(250 + 6 * 450, 250 + 6 * 550));
    expect(series.lines.firstSeries.label).toBe('Consultation and 6 sessions');
    expect(visibleLines(series)).toEqual(['consultation', 'perSession', 'initialSeries', 'firstSeries']);
    expect(visibleLines(plan)).toEqual([...LINE_ORDER]);
    // The series in the words people use, from general.json (a provider's published count is used for the figure).
    expect(series.series).toMatchObject({ sessions: 6, from: 'provider', typical: '6–8 sessions over 2–4 weeks' });
    expect(series.series.sources.map((s) => s.url)).toEqual(['https://example.com/protocol']);
  });

  it('computes each line from the published prices and the defaults', () => {
    expect(plan.settings).toMatchObject({
      initialSessions: 6,
      initialSessionsFrom: 'provider',
      maintenance: true,
      maintenancePerMonth: DEFAULT_MAINTENANCE_PER_MONTH,
      maintenanceMonths: DEFAULT_MAINTENANCE_MONTHS,
    });
    expect(plan.lines.consultation.range).toEqual(r(250));
    expect(plan.lines.perSession.range).toEqual(r(450, 550));
    expect(plan.lines.initialSeries.range).toEqual(r(2700, 3300));
    expect(plan.lines.maintenancePerMonth.range).toEqual(r(450, 550));
    // 250 + 6 × (450–550) + 11 × (450–550)
    expect(plan.lines.firstYear.range).toEqual(r(250 + 17 * 450, 250 + 17 * 550));
    expect(plan.lines.perMonthAfter.range).toEqual(r(450, 550));
    expect(plan.lines.firstYear.label).toBe('First year');
  });

  it('labels the basis with the price labels and dates', () => {
    for (const id of LINE_ORDER) expect(plan.lines[id].basis).toBe('published');
    expect(plan.lines.perSession.prices).toEqual([expect.objectContaining({ label: 'IV infusion', asOf: '2024-11', publishedBy: 'provider' })]);
    expect(plan.lines.perSession.explanations.join(' ')).toContain('"IV infusion", $450–$550 per session (as of 2024-11)');
    expect(plan.lines.perSession.sources.length).toBeGreaterThan(0);
    expect(plan.lines.initialSeries.sources.map((s) => s.url)).toContain('https://example.com/protocol');
    expect(plan.caption).toBe('Estimate — confirm with the clinic.');
    expect(plan.hsa).toBeNull();
    expect(plan.lines.firstYear.hsa).toBeNull();
  });
});

describe('estimatePlan: typical fallback', () => {
  it('falls back to typical IV prices and says so', () => {
    const plan = estimatePlan(makeProvider(), general, ON);
    const line = plan.lines.perSession;
    expect(line.basis).toBe('typical');
    expect(line.typicalIds).toEqual(['iv-session']);
    expect(line.range).toEqual(r(...TYPICAL['iv-session']));
    expect(line.explanations[0]).toBe(
      "This clinic publishes no session price; because this clinic lists IV infusions, the estimate uses typical IV infusion prices of $400–$800 — a general range, not this provider's price. The range: Typical iv-session.",
    );
    expect(line.sources.map((s) => s.url)).toEqual(['https://example.com/typical-iv-session']);
    expect(plan.lines.consultation.basis).toBe('typical');
    expect(plan.lines.consultation.explanations[0]).toContain('typical consultation prices of $200–$500');
    // No protocol: the default series, with general.json's typical series as context.
    expect(plan.settings.initialSessionsFrom).toBe('default');
    expect(plan.settings.initialSessions).toBe(DEFAULT_INITIAL_SESSIONS);
    expect(plan.lines.initialSeries.explanations.join(' ')).toContain('A typical initial series is 6–8 sessions over 2–4 weeks.');
    expect(plan.series).toMatchObject({ from: 'default', sessions: 6, typical: '6–8 sessions over 2–4 weeks' });
    expect(plan.series.sources.map((s) => s.url)).toEqual(['https://example.com/series']);
    // IV maintenance uses the typical maintenance range.
    expect(plan.lines.maintenancePerMonth.typicalIds).toEqual(['maintenance-session']);
    expect(plan.lines.maintenancePerMonth.range).toEqual(r(...TYPICAL['maintenance-session']));
    expect(plan.lines.firstYear.basis).toBe('typical');
  });

  it.each<[string, Partial<Parameters<typeof makeProvider>[0]>, string, string]>([
    ['IM', { modalities: { value: ['im-injection'], sources: [] } }, 'im-session', 'IM injection'],
    [
      'at-home telehealth',
      { kind: 'telehealth-programme', modalities: { value: ['oral-sublingual'], sources: [] }, delivery: { value: 'at-home', sources: [] } },
      'at-home-session',
      'at-home (telehealth) session',
    ],
    ['esketamine only', { modalities: { value: ['esketamine-nasal'], sources: [] } }, 'spravato-session', 'Spravato (esketamine) session'],
  ])('chooses the typical range for %s', (_name, overrides, id, words) => {
    const plan = estimatePlan(makeProvider(overrides), general, ON);
    expect(plan.lines.perSession.typicalIds).toEqual([id]);
    expect(plan.lines.perSession.explanations[0]).toContain(`typical ${words} prices`);
    // Only in-clinic ketamine uses the maintenance range; others price maintenance like the series.
    expect(plan.lines.maintenancePerMonth.typicalIds).toEqual([id === 'im-session' ? 'maintenance-session' : id]);
  });

  it('is unknown, not invented, when no typical range fits', () => {
    const plan = estimatePlan(makeProvider({ modalities: { value: ['ketamine-assisted-psychotherapy'], sources: [] } }), general, NO_OPTIONS);
    expect(plan.lines.perSession.basis).toBe('unknown');
    expect(plan.lines.perSession.range).toBeNull();
    expect(plan.lines.initialSeries.range).toBeNull();
    expect(plan.lines.firstYear.range).toBeNull();
    expect(plan.lines.firstYear.basis).toBe('unknown');
    expect(plan.lines.consultation.range).toEqual(r(...TYPICAL.consultation));
  });

  it('is unknown when general.json lacks the typical range', () => {
    const plan = estimatePlan(makeProvider(), makeGeneral(['iv-session', 'consultation']), NO_OPTIONS);
    expect(plan.lines.perSession.range).toBeNull();
    expect(plan.lines.consultation.range).toBeNull();
  });
});

describe('estimatePlan: package, third-party and unusable prices', () => {
  it('derives a per-session figure from a package and labels it', () => {
    const provider = makeProvider({
      prices: [price({ kind: 'package', low: 2400, high: 2400, sessions: 6, label: 'Six-infusion series', asOf: '2024-06' })],
    });
    const plan = estimatePlan(provider, general, NO_OPTIONS);
    expect(plan.lines.perSession.range).toEqual(r(400));
    expect(plan.lines.perSession.fromPackage).toBe(true);
    expect(plan.lines.perSession.prices[0]).toMatchObject({ kind: 'package', sessions: 6, perSession: r(400) });
    expect(plan.lines.perSession.explanations.join(' ')).toContain('package "Six-infusion series", $2,400 for 6 sessions (as of 2024-06) — about $400 per session');
    expect(plan.lines.initialSeries.range).toEqual(r(2400));
    expect(plan.lines.initialSeries.fromPackage).toBe(true);
  });

  it('rounds only at the end: 7 sessions for $2,400 over 7 sessions is $2,400', () => {
    const provider = makeProvider({ prices: [price({ kind: 'package', low: 2400, high: 2400, sessions: 7 })] });
    const plan = estimatePlan(provider, general, options({ initialSessions: 7 }));
    expect(plan.lines.perSession.range).toEqual(r(343));
    expect(plan.lines.initialSeries.range).toEqual(r(2400));
  });

  it('uses third-party prices only when the clinic publishes none, and labels them', () => {
    const third = price({ kind: 'session', low: 500, high: 600, publishedBy: 'third-party', label: 'News report' });
    const own = price({ kind: 'session', low: 450, high: 450, label: 'Clinic price' });
    const onlyThird = estimatePlan(makeProvider({ prices: [third] }), general, NO_OPTIONS);
    expect(onlyThird.lines.perSession.basis).toBe('published');
    expect(onlyThird.lines.perSession.thirdParty).toBe(true);
    expect(onlyThird.lines.firstYear.thirdParty).toBe(true);
    expect(onlyThird.lines.perSession.explanations.join(' ')).toContain('Published by a third party, not the clinic');

    const both = estimatePlan(makeProvider({ prices: [third, own] }), general, NO_OPTIONS);
    expect(both.lines.perSession.range).toEqual(r(450));
    expect(both.lines.perSession.thirdParty).toBe(false);
    expect(both.notes.join(' ')).toContain('"News report"');
  });

  it('spans several published prices, treats one-sided prices as a single figure and lists unused prices', () => {
    const provider = makeProvider({
      modalities: { value: ['iv-infusion', 'esketamine-nasal'], sources: [] },
      pricesNote: 'Prices vary by location.',
      prices: [
        price({ kind: 'session', low: 400, high: null, label: 'IV from' }),
        price({ kind: 'session', low: null, high: 700, label: 'IV up to' }),
        price({ kind: 'session', low: 900, high: 900, modality: 'esketamine-nasal', label: 'Spravato session' }),
        price({ kind: 'monthly', low: 99, high: 99, label: 'Membership' }),
        price({ kind: 'other', low: null, high: null, label: 'Ask us' }),
      ],
    });
    const plan = estimatePlan(provider, general, NO_OPTIONS);
    expect(plan.lines.perSession.range).toEqual(r(400, 700));
    const text = plan.lines.perSession.explanations.join(' ');
    expect(text).toContain('starting price (from $400)');
    expect(text).toContain('up to $700');
    const notes = plan.notes.join(' ');
    expect(notes).toContain('Prices vary by location.');
    expect(notes).toContain('"Spravato session"');
    expect(notes).toContain('"Membership"');
    expect(notes).toContain('"Ask us" (no figure stated');
  });
});

describe('estimatePlan: quote', () => {
  const provider = makeProvider({
    prices: [
      price({ kind: 'consultation', low: 300, high: 300 }),
      price({ kind: 'session', low: 450, high: 650 }),
    ],
  });

  it('replaces the published range for what it covers', () => {
    const plan = estimatePlan(provider, general, ON, quote({ perSession: 500 }));
    expect(plan.lines.perSession).toMatchObject({ basis: 'quote', range: r(500) });
    expect(plan.lines.perSession.explanations).toEqual([
      'Uses the price the clinic quoted you: $500 per session.',
      'Your quote replaces the published range of $450–$650.',
    ]);
    expect(plan.lines.initialSeries.range).toEqual(r(3000));
    expect(plan.lines.maintenancePerMonth.range).toEqual(r(500));
    // Consultation is not covered by the quote.
    expect(plan.lines.consultation).toMatchObject({ basis: 'published', range: r(300) });
    expect(plan.lines.firstYear.basis).toBe('mixed');
    expect(plan.lines.firstYear.range).toEqual(r(300 + 17 * 500));
    expect(plan.notes.join(' ')).not.toContain('Also published');
  });

  it('covers the consultation too when quoted', () => {
    const plan = estimatePlan(provider, general, NO_OPTIONS, quote({ consultation: 0, perSession: 500 }));
    expect(plan.lines.consultation).toMatchObject({ basis: 'quote', range: r(0) });
    expect(plan.lines.firstYear.basis).toBe('quote');
  });

  it('estimates a clinic the user added from the quote alone', () => {
    const none = estimatePlan(null, general, NO_OPTIONS);
    expect(none.lines.perSession.range).toBeNull();
    expect(none.lines.firstYear.range).toBeNull();
    const q = estimatePlan(null, general, ON, quote({ consultation: 100, perSession: 400 }));
    expect(q.providerId).toBeNull();
    expect(q.lines.firstYear.range).toEqual(r(100 + 17 * 400));
    expect(estimatePlan(null, general, NO_OPTIONS, quote({ consultation: 100, perSession: 400 })).lines.firstSeries.range).toEqual(r(100 + 6 * 400));
  });
});

describe('estimatePlan: options', () => {
  const provider = makeProvider({ prices: [price({ kind: 'session', low: 400, high: 800 })], financing: { paymentPlans: 'unknown', careCredit: 'unknown', hsaFsa: 'yes', sources: [] } });

  it('applies the user’s session counts', () => {
    const plan = estimatePlan(provider, general, options({ initialSessions: 4, maintenancePerMonth: 2, maintenanceMonths: 23 }));
    expect(plan.settings).toMatchObject({ initialSessionsFrom: 'options', maintenancePerMonthFrom: 'options', maintenanceMonthsFrom: 'options' });
    expect(plan.lines.initialSeries.range).toEqual(r(1600, 3200));
    expect(plan.lines.maintenancePerMonth.range).toEqual(r(800, 1600));
    expect(plan.lines.firstYear.name).toBe('First 24 months');
    // The consultation is a typical range (no published consultation fee), so the total says so.
    expect(plan.lines.firstYear.label).toBe("First 24 months — includes typical ranges, not this provider's prices");
    expect(plan.lines.perMonthAfter.label).toBe('Per month after month 24');
  });

  it('shows the HSA/FSA effective cost in addition to cash', () => {
    const plan = estimatePlan(provider, general, options({ hsaTaxRate: 25 }));
    expect(plan.lines.perSession.range).toEqual(r(400, 800));
    expect(plan.lines.perSession.hsa).toEqual(r(300, 600));
    expect(plan.hsa).toMatchObject({ taxRate: 25, factor: 0.75, clinicAccepts: 'yes', clinicNote: 'This clinic says it accepts HSA/FSA payment.' });
    // The HSA/FSA statement is general.json's sourced text, not a sentence in the code; its sources are listed.
    expect(plan.hsa?.explanation).toBe(
      `${general.hsaFsa.text} The HSA/FSA figures take off the 25% tax rate you chose, as if you paid with pre-tax money: each is 75% of the cash figure.`,
    );
    expect(plan.hsa?.sources).toEqual(general.hsaFsa.sources);
    expect(plan.sources.map((s) => s.url)).toContain('https://example.com/hsa-fsa');
    expect(estimatePlan(provider, general, NO_OPTIONS).sources.map((s) => s.url)).not.toContain('https://example.com/hsa-fsa');
    const zero = estimatePlan(provider, general, options({ hsaTaxRate: 0 }));
    for (const id of LINE_ORDER) expect(zero.lines[id].hsa).toEqual(zero.lines[id].range);
  });

  it('zero sessions cost $0', () => {
    const plan = estimatePlan(provider, general, options({ initialSessions: 0, maintenancePerMonth: 0 }));
    expect(plan.lines.initialSeries.range).toEqual(r(0));
    expect(plan.lines.maintenancePerMonth.range).toEqual(r(0));
    expect(plan.lines.firstYear.range).toEqual(plan.lines.consultation.range);
  });
});

describe('estimatePlan: the initial series that fits the provider', () => {
  const general = makeGeneral();
  it('uses Spravato\'s own schedule for a Spravato-only centre, not the IV series', () => {
    const spravatoOnly = makeProvider({ modalities: { value: ['esketamine-nasal'], sources: [] } });
    const plan = estimatePlan(spravatoOnly, general, NO_OPTIONS);
    expect(plan.series).toMatchObject({ from: 'default', sessions: 8, typical: '8 sessions over 4 weeks' });
    expect(plan.series.sources.map((s) => s.url)).toEqual(['https://example.com/spravato-series']);
    expect(plan.lines.initialSeries.explanations.join(' ')).toContain('Spravato usually starts with 8 sessions over 4 weeks.');
  });
  it('keeps the ketamine series for a clinic offering Spravato and IV', () => {
    const both = makeProvider({ modalities: { value: ['esketamine-nasal', 'iv-infusion'], sources: [] } });
    expect(estimatePlan(both, general, NO_OPTIONS).series).toMatchObject({ sessions: 6, typical: '6–8 sessions over 2–4 weeks' });
  });
  it('a published protocol or the user\'s count still wins', () => {
    const spravatoOnly = makeProvider({ modalities: { value: ['esketamine-nasal'], sources: [] } });
    expect(estimatePlan(spravatoOnly, general, options({ initialSessions: 3 })).series.sessions).toBe(3);
  });
});

describe('estimatePlan: Spravato through insurance', () => {
  const spravatoClinic = makeProvider({
    modalities: { value: ['esketamine-nasal'], sources: [] },
    prices: [price({ kind: 'session', low: 900, high: 1100, modality: 'esketamine-nasal', label: 'Spravato (cash)' })],
  });
  const dollarFigures = (plan: CostPlan) => JSON.stringify(plan.spravato).match(/\$[\d,]+/g) ?? [];

  it('exposes the statements and does not invent an out-of-pocket figure', () => {
    const plan = estimatePlan(spravatoClinic, general, options({ spravatoInsurance: true }));
    expect(plan.spravato).toMatchObject({
      applies: true,
      outOfPocket: null,
      outOfPocketText: UNKNOWN_OUT_OF_POCKET,
      savingsProgramme: general.spravato.savingsProgramme,
      coverage: general.spravato.coverage,
    });
    expect(dollarFigures(plan)).toEqual([]);
    expect(plan.lines.perSession).toMatchObject({ basis: 'unknown', range: null });
    expect(plan.lines.perSession.explanations.join(' ')).toContain('unknown — depends on your plan');
    expect(plan.lines.firstYear.range).toBeNull();
    expect(plan.lines.consultation.range).not.toBeNull();
    expect(plan.sources.map((s) => s.url)).toContain('https://example.com/spravato-savings');
  });

  it('uses the savings programme\'s sourced "$10 per treatment" for the medication instead of "Unknown"', () => {
    const withFigure: typeof general = {
      ...general,
      spravato: {
        ...general.spravato,
        savingsProgramme: {
          text: 'With commercial insurance, the savings programme lowers the Spravato medication to $10 per treatment, up to $7,150 a year.',
          sources: [{ url: 'https://example.com/savings', date: null }],
        },
      },
    };
    expect(spravatoSavingsPerTreatment(withFigure)).toBe(10);
    expect(spravatoSavingsPerTreatment(general)).toBeNull();
    const plan = estimatePlan(spravatoClinic, withFigure, options({ spravatoInsurance: true, initialSessions: 8 }));
    expect(plan.spravato).toMatchObject({ applies: true, outOfPocket: 10 });
    expect(plan.spravato?.outOfPocketText).toBe("$10 per treatment for the medication, plus the clinic's own fees for giving it and monitoring you");
    expect(plan.lines.perSession).toMatchObject({ basis: 'published', range: r(10), label: 'Per session (medication, savings programme)' });
    expect(plan.lines.perSession.sources.map((s) => s.url)).toEqual(['https://example.com/savings']);
    expect(plan.lines.perSession.explanations.join(' ')).toMatch(/clinic's own fees .* are not included/);
    expect(plan.lines.initialSeries.range).toEqual(r(80));
    expect(plan.lines.firstSeries.range).toEqual(r(200 + 80, 500 + 80));
    for (const id of visibleLines(plan)) expect(plan.lines[id].range, id).not.toBeNull();
  });

  it('a quote still gives a figure', () => {
    const plan = estimatePlan(spravatoClinic, general, options({ spravatoInsurance: true }), quote({ perSession: 40 }));
    expect(plan.lines.perSession).toMatchObject({ basis: 'quote', range: r(40) });
  });

  it('is ignored, with a note, for a provider without Spravato', () => {
    const plan = estimatePlan(makeProvider(), general, options({ spravatoInsurance: true }));
    expect(plan.spravato?.applies).toBe(false);
    expect(plan.lines.perSession.basis).toBe('typical');
    expect(plan.notes).toContain('This provider does not list Spravato, so the insurance option is not applied.');
  });

  it('without the option, uses the published cash price', () => {
    const plan = estimatePlan(spravatoClinic, general, NO_OPTIONS);
    expect(plan.spravato).toBeNull();
    expect(plan.lines.perSession.range).toEqual(r(900, 1100));
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties

const MODALITIES: Modality[] = ['iv-infusion', 'im-injection', 'subcutaneous', 'esketamine-nasal', 'oral-sublingual', 'ketamine-assisted-psychotherapy'];
const amount = fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null, freq: 4 });
const priceArb: fc.Arbitrary<Price> = fc
  .record({
    kind: fc.constantFrom('consultation', 'session', 'package', 'monthly', 'other' as const),
    low: amount,
    high: amount,
    sessions: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    modality: fc.option(fc.constantFrom(...MODALITIES), { nil: undefined }),
    publishedBy: fc.constantFrom('provider', 'third-party' as const),
  })
  .map(({ low, high, ...rest }) => {
    const [lo, hi] = low !== null && high !== null && low > high ? [high, low] : [low, high];
    return price({ ...rest, low: lo, high: hi });
  });

const providerArb: fc.Arbitrary<Provider> = fc
  .record({
    prices: fc.array(priceArb, { maxLength: 5 }),
    modalities: fc.subarray(MODALITIES),
    delivery: fc.constantFrom('in-clinic', 'at-home', 'both', 'unknown' as const),
    kind: fc.constantFrom('clinic-network', 'single-clinic', 'telehealth-programme', 'medication-programme' as const),
    initialSessions: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
    hsaFsa: fc.constantFrom('yes', 'no', 'unknown' as const),
  })
  .map((p) =>
    makeProvider({
      kind: p.kind,
      prices: p.prices,
      modalities: { value: p.modalities, sources: [] },
      delivery: { value: p.delivery, sources: [] },
      protocol: { initialSessions: p.initialSessions, sources: [] },
      financing: { paymentPlans: 'unknown', careCredit: 'unknown', hsaFsa: p.hsaFsa, sources: [] },
    }),
  );

const optionsArb: fc.Arbitrary<PlanOptions> = fc.record({
  initialSessions: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  maintenancePerMonth: fc.option(fc.oneof(fc.integer({ min: 0, max: 31 }), fc.double({ min: 0, max: 31, noNaN: true })), { nil: null }),
  maintenanceMonths: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
  hsaTaxRate: fc.option(fc.double({ min: 0, max: 60, noNaN: true }), { nil: null }),
  spravatoInsurance: fc.boolean(),
});

const quoteArb: fc.Arbitrary<Quote | null> = fc.option(
  fc.record({ consultation: amount, perSession: amount, note: fc.constant('') }),
  { nil: null },
);
const providerOrNull = fc.option(providerArb, { nil: null, freq: 6 });

const notLower = (more: Range | null, fewer: Range | null) => {
  expect(more === null).toBe(fewer === null);
  if (more && fewer) {
    expect(more.low).toBeGreaterThanOrEqual(fewer.low);
    expect(more.high).toBeGreaterThanOrEqual(fewer.high);
  }
};

describe('estimatePlan properties', () => {
  it('every range has low <= high in whole dollars, and HSA never exceeds cash', () => {
    fc.assert(
      fc.property(providerOrNull, optionsArb, quoteArb, (provider, opts, q) => {
        const plan = estimatePlan(provider, general, opts, q);
        for (const id of LINE_ORDER) {
          const line = plan.lines[id];
          expect(line.basis === 'unknown').toBe(line.range === null);
          if (!line.range) continue;
          expect(line.range.low).toBeLessThanOrEqual(line.range.high);
          expect(Number.isInteger(line.range.low) && Number.isInteger(line.range.high)).toBe(true);
          expect(line.range.low).toBeGreaterThanOrEqual(0);
          expect(formatRange(line.range)).toMatch(/^\$[\d,]+(–\$[\d,]+)?$/);
          if (opts.hsaTaxRate === null) {
            expect(line.hsa).toBeNull();
          } else {
            const hsa = line.hsa as Range;
            expect(hsa.low).toBeLessThanOrEqual(hsa.high);
            expect(hsa.low).toBeLessThanOrEqual(line.range.low);
            expect(hsa.high).toBeLessThanOrEqual(line.range.high);
            if (opts.hsaTaxRate === 0) expect(hsa).toEqual(line.range);
          }
        }
      }),
    );
  });

  it('more initial sessions or maintenance never cost less', () => {
    fc.assert(
      fc.property(
        providerOrNull,
        optionsArb,
        quoteArb,
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 10 }),
        (provider, opts, q, n, extra, perMonthExtra) => {
          const base = estimatePlan(provider, general, { ...opts, initialSessions: n, maintenanceMonths: n }, q);
          const moreSeries = estimatePlan(provider, general, { ...opts, initialSessions: n + extra, maintenanceMonths: n }, q);
          const moreMonths = estimatePlan(provider, general, { ...opts, initialSessions: n, maintenanceMonths: n + extra }, q);
          const perMonth = base.settings.maintenancePerMonth;
          const moreOften = estimatePlan(
            provider,
            general,
            { ...opts, initialSessions: n, maintenanceMonths: n, maintenancePerMonth: perMonth + perMonthExtra },
            q,
          );
          notLower(moreSeries.lines.initialSeries.range, base.lines.initialSeries.range);
          notLower(moreSeries.lines.firstYear.range, base.lines.firstYear.range);
          notLower(moreMonths.lines.firstYear.range, base.lines.firstYear.range);
          notLower(moreOften.lines.maintenancePerMonth.range, base.lines.maintenancePerMonth.range);
          notLower(moreOften.lines.firstYear.range, base.lines.firstYear.range);
        },
      ),
    );
  });

  it('a per-session quote replaces the range: series = quote × sessions', () => {
    fc.assert(
      fc.property(providerOrNull, optionsArb, fc.integer({ min: 0, max: 5000 }), (provider, opts, q) => {
        const plan = estimatePlan(provider, general, opts, quote({ perSession: q }));
        expect(plan.lines.perSession).toMatchObject({ basis: 'quote', range: r(q) });
        expect(plan.lines.initialSeries.range).toEqual(r(q * plan.settings.initialSessions));
        expect(plan.lines.perMonthAfter.range).toEqual(r(Math.round(q * plan.settings.maintenancePerMonth)));
      }),
    );
  });

  it('Spravato out-of-pocket is the sourced programme figure or unknown, never an invented one', () => {
    fc.assert(
      fc.property(providerOrNull, optionsArb, (provider, opts) => {
        const plan = estimatePlan(provider, general, { ...opts, spravatoInsurance: true });
        // The fixture's statement states no figure.
        expect(plan.spravato?.outOfPocket).toBeNull();
        if (plan.spravato?.applies) expect(plan.lines.perSession.range).toBeNull();
      }),
    );
  });

  it('maintenance is off unless turned on with a number of sessions above 0', () => {
    fc.assert(
      fc.property(providerOrNull, optionsArb, (provider, opts) => {
        const plan = estimatePlan(provider, general, opts);
        const on = opts.maintenancePerMonth !== null && opts.maintenancePerMonth > 0;
        expect(plan.settings.maintenance).toBe(on);
        if (!on) {
          expect(plan.settings.maintenancePerMonth).toBe(0);
          expect(plan.lines.firstYear.range).toEqual(plan.lines.firstSeries.range);
        }
      }),
    );
  });

  it('per-session and consultation figures are input figures, never invented', () => {
    fc.assert(
      fc.property(providerArb, optionsArb, (provider, opts) => {
        const plan = estimatePlan(provider, general, opts);
        const figures = (kinds: string[]) =>
          new Set(
            provider.prices
              .filter((p) => kinds.includes(p.kind))
              .flatMap((p) => [p.low, p.high].map((v) => (v === null ? null : p.kind === 'package' ? v / (p.sessions ?? Number.NaN) : v)))
              .filter((v): v is number => v !== null && Number.isFinite(v))
              .map(Math.round),
          );
        const check = (id: 'perSession' | 'consultation', kinds: string[]) => {
          const line = plan.lines[id];
          if (!line.range) return;
          if (line.basis === 'published') {
            const allowed = figures(kinds);
            expect(allowed.has(line.range.low) && allowed.has(line.range.high)).toBe(true);
          } else {
            expect(line.basis).toBe('typical');
            const t = general.typicalPrices.find((x) => x.id === line.typicalIds[0]);
            expect(line.range).toEqual(r(t?.low ?? -1, t?.high ?? -1));
          }
        };
        check('perSession', ['session', 'package']);
        check('consultation', ['consultation']);
      }),
    );
  });
});

describe('the bundled general.json', () => {
  it('gives the typical series in words and the Spravato programme figure', async () => {
    const { General } = await import('../../../lib/dataset/general-schema');
    const real = General.parse((await import('../../../data/general.json')).default);
    expect(typicalSeriesWords(real)).toMatch(/^\d+(–\d+)? sessions over \d+(–\d+)? weeks$/);
    expect(spravatoSavingsPerTreatment(real)).toBe(10);
    const spravato = makeProvider({ modalities: { value: ['esketamine-nasal'], sources: [] } });
    const plan = estimatePlan(spravato, real, options({ spravatoInsurance: true }));
    expect(plan.lines.perSession.range).toEqual(r(10));
    expect(plan.lines.firstSeries.range).not.toBeNull();
  });
});
