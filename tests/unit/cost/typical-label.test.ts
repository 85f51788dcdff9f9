// A general typical range is never applied to a provider without saying so on the line itself: the label
// names the range ("typical for at-home programmes") and says it is not this provider's price.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimatePlan, LINE_ORDER, type CostPlan, type LineId } from '../../../lib/cost/plan';
import { headline } from '../../../lib/cost/summary';
import { readGeneralFile, readProviderFiles } from '../../../lib/dataset/read-files';
import type { Modality, ProviderInput } from '../../../lib/dataset/schema';
import { parseGeneralFile, parseProviderFiles } from '../../../lib/dataset/validate';
import { makeGeneral, makeProvider, NO_OPTIONS, options, price, quote } from './fixtures';

const general = makeGeneral();
/** Maintenance turned on with the usual assumption, so every line has a figure to label. */
const ON = options({ maintenancePerMonth: 1, maintenanceMonths: 11 });
const labels = (plan: CostPlan) => Object.fromEntries(LINE_ORDER.map((id) => [id, plan.lines[id].label])) as Record<LineId, string>;
const NOT_OWN = / — (?:.+, not this provider's price|(?:includes )?typical ranges, not this provider's prices)$/;

const atHome: Partial<ProviderInput> = {
  kind: 'telehealth-programme',
  modalities: { value: ['oral-sublingual'], sources: [] },
  delivery: { value: 'at-home', sources: [] },
};

describe('lines that use a typical range say so in their label', () => {
  it.each<[string, Partial<ProviderInput>, Record<LineId, string>]>([
    [
      'an at-home programme with no published price',
      atHome,
      {
        consultation: "Consultation — typical consultation fee, not this provider's price",
        perSession: "Per session — typical for at-home programmes, not this provider's price",
        initialSeries: "Initial series (6 sessions) — typical for at-home programmes, not this provider's price",
        firstSeries: "Consultation and 6 sessions — typical ranges, not this provider's prices",
        maintenancePerMonth: "Maintenance per month (1 session) — typical for at-home programmes, not this provider's price",
        firstYear: "First year — typical ranges, not this provider's prices",
        perMonthAfter: "Per month after the first year — typical for at-home programmes, not this provider's price",
      },
    ],
    [
      'an IV clinic with no published price',
      {},
      {
        consultation: "Consultation — typical consultation fee, not this provider's price",
        perSession: "Per session — typical for IV clinics, not this provider's price",
        initialSeries: "Initial series (6 sessions) — typical for IV clinics, not this provider's price",
        firstSeries: "Consultation and 6 sessions — typical ranges, not this provider's prices",
        maintenancePerMonth: "Maintenance per month (1 session) — typical for maintenance sessions, not this provider's price",
        firstYear: "First year — typical ranges, not this provider's prices",
        perMonthAfter: "Per month after the first year — typical for maintenance sessions, not this provider's price",
      },
    ],
    [
      'an injection clinic with no published price',
      { modalities: { value: ['im-injection'], sources: [] } },
      {
        consultation: "Consultation — typical consultation fee, not this provider's price",
        perSession: "Per session — typical for injection clinics, not this provider's price",
        initialSeries: "Initial series (6 sessions) — typical for injection clinics, not this provider's price",
        firstSeries: "Consultation and 6 sessions — typical ranges, not this provider's prices",
        maintenancePerMonth: "Maintenance per month (1 session) — typical for maintenance sessions, not this provider's price",
        firstYear: "First year — typical ranges, not this provider's prices",
        perMonthAfter: "Per month after the first year — typical for maintenance sessions, not this provider's price",
      },
    ],
    [
      'a Spravato-only provider with no published price',
      { modalities: { value: ['esketamine-nasal'], sources: [] } },
      {
        consultation: "Consultation — typical consultation fee, not this provider's price",
        perSession: "Per session — typical Spravato list price, not this provider's price",
        initialSeries: "Initial series (8 sessions) — typical Spravato list price, not this provider's price",
        firstSeries: "Consultation and 8 sessions — typical ranges, not this provider's prices",
        maintenancePerMonth: "Maintenance per month (1 session) — typical Spravato list price, not this provider's price",
        firstYear: "First year — typical ranges, not this provider's prices",
        perMonthAfter: "Per month after the first year — typical Spravato list price, not this provider's price",
      },
    ],
    [
      'a published session price but no consultation fee',
      { prices: [price({ kind: 'session', low: 450, high: 550 })] },
      {
        consultation: "Consultation — typical consultation fee, not this provider's price",
        perSession: 'Per session',
        initialSeries: 'Initial series (6 sessions)',
        firstSeries: "Consultation and 6 sessions — includes typical ranges, not this provider's prices",
        maintenancePerMonth: 'Maintenance per month (1 session)',
        firstYear: "First year — includes typical ranges, not this provider's prices",
        perMonthAfter: 'Per month after the first year',
      },
    ],
    [
      'published consultation and session prices',
      { prices: [price({ kind: 'consultation', low: 250, high: 250 }), price({ kind: 'session', low: 450, high: 550 })] },
      {
        consultation: 'Consultation',
        perSession: 'Per session',
        initialSeries: 'Initial series (6 sessions)',
        firstSeries: 'Consultation and 6 sessions',
        maintenancePerMonth: 'Maintenance per month (1 session)',
        firstYear: 'First year',
        perMonthAfter: 'Per month after the first year',
      },
    ],
    [
      'no typical range fits (figures unknown, nothing applied)',
      { modalities: { value: ['ketamine-assisted-psychotherapy'], sources: [] }, prices: [price({ kind: 'consultation', low: 200, high: 200 })] },
      {
        consultation: 'Consultation',
        perSession: 'Per session',
        initialSeries: 'Initial series (6 sessions)',
        firstSeries: 'Consultation and 6 sessions',
        maintenancePerMonth: 'Maintenance per month (1 session)',
        firstYear: 'First year',
        perMonthAfter: 'Per month after the first year',
      },
    ],
  ])('%s', (_name, overrides, expected) => {
    const plan = estimatePlan(makeProvider(overrides), general, ON);
    expect(labels(plan)).toEqual(expected);
    // The short name (for headlines) never carries the note; the headline keeps it short.
    for (const id of LINE_ORDER) expect(expected[id].startsWith(plan.lines[id].name)).toBe(true);
    expect(headline(plan).startsWith(`Consultation and ${plan.settings.initialSessions} sessions: `)).toBe(true);
    expect(headline(plan)).toContain(' With maintenance, first year: ');
  });

  it('the explanation names the typical range and says it is not the provider\'s price', () => {
    const plan = estimatePlan(makeProvider(atHome), general, NO_OPTIONS);
    expect(plan.lines.perSession.explanations[0]).toBe(
      "This clinic publishes no session price; because this is an at-home (telehealth) programme, the estimate uses typical at-home (telehealth) session prices of $150–$300 — a general range, not this provider's price. The range: Typical at-home-session.",
    );
  });

  it('a quote replaces the typical range, and the note goes with it', () => {
    const plan = estimatePlan(makeProvider(atHome), general, ON, quote({ perSession: 120, consultation: 0 }));
    expect(labels(plan)).toMatchObject({ consultation: 'Consultation', perSession: 'Per session', firstYear: 'First year' });
  });

  it('the user\'s session counts change the label, not the note', () => {
    const plan = estimatePlan(makeProvider(atHome), general, options({ initialSessions: 4, maintenancePerMonth: 1, maintenanceMonths: 23 }));
    expect(plan.lines.initialSeries.label).toBe("Initial series (4 sessions) — typical for at-home programmes, not this provider's price");
    expect(plan.lines.firstYear.label).toBe("First 24 months — typical ranges, not this provider's prices");
    expect(plan.lines.firstYear.name).toBe('First 24 months');
  });

  it('property: a line carries the note exactly when a typical range went into its figure', () => {
    const MODALITIES: Modality[] = ['iv-infusion', 'im-injection', 'subcutaneous', 'esketamine-nasal', 'oral-sublingual', 'ketamine-assisted-psychotherapy'];
    const providerArb = fc
      .record({
        modalities: fc.subarray(MODALITIES),
        delivery: fc.constantFrom('in-clinic', 'at-home', 'both', 'unknown' as const),
        kind: fc.constantFrom('clinic-network', 'single-clinic', 'telehealth-programme', 'medication-programme' as const),
        consultation: fc.boolean(),
        session: fc.boolean(),
      })
      .map((p) =>
        makeProvider({
          kind: p.kind,
          modalities: { value: p.modalities, sources: [] },
          delivery: { value: p.delivery, sources: [] },
          prices: [
            ...(p.consultation ? [price({ kind: 'consultation', low: 200, high: 300 })] : []),
            ...(p.session ? [price({ kind: 'session', low: 400, high: 600 })] : []),
          ],
        }),
      );
    fc.assert(
      fc.property(fc.option(providerArb, { nil: null, freq: 6 }), fc.boolean(), (provider, spravatoInsurance) => {
        const plan = estimatePlan(provider, general, options({ spravatoInsurance }));
        for (const id of LINE_ORDER) {
          const line = plan.lines[id];
          const usesTypical = line.range !== null && line.typicalIds.length > 0;
          expect(line.label !== line.name, `${id}: ${line.label}`).toBe(usesTypical);
          expect(NOT_OWN.test(line.label), `${id}: ${line.label}`).toBe(usesTypical);
        }
      }),
    );
  });
});

describe('the bundled dataset', () => {
  const { providers } = parseProviderFiles(readProviderFiles());
  const real = parseGeneralFile(readGeneralFile()).general!;

  it('every provider\'s plan says so on each line that uses a typical range', () => {
    expect(providers.length).toBeGreaterThan(100);
    let typicalLines = 0;
    for (const p of providers) {
      const plan = estimatePlan(p, real, NO_OPTIONS);
      for (const id of LINE_ORDER) {
        const line = plan.lines[id];
        if (line.range !== null && line.typicalIds.length > 0) {
          typicalLines++;
          expect(line.label, `${p.id} ${id}`).toMatch(NOT_OWN);
        } else {
          expect(line.label, `${p.id} ${id}`).toBe(line.name);
        }
      }
    }
    expect(typicalLines).toBeGreaterThan(0);
  });

  it('the at-home typical range says it rests on one third-party post and that programmes vary', () => {
    const t = real.typicalPrices.find((x) => x.id === 'at-home-session')!;
    expect(t.label).toMatch(/one undated third-party post/);
    expect(t.sources.every((s) => s.thirdParty)).toBe(true);
    const mindbloomLike = makeProvider(atHome);
    const line = estimatePlan(mindbloomLike, real, NO_OPTIONS).lines.perSession;
    expect(line.label).toBe("Per session — typical for at-home programmes, not this provider's price");
    expect(line.explanations[0]).toContain(t.label);
  });

  it('the HSA/FSA view quotes general.json\'s sourced statement', () => {
    expect(real.hsaFsa.sources.length).toBeGreaterThan(0);
    const plan = estimatePlan(makeProvider(), real, options({ hsaTaxRate: 24 }));
    expect(plan.hsa?.explanation.startsWith(real.hsaFsa.text)).toBe(true);
    for (const s of real.hsaFsa.sources) expect(plan.sources.map((x) => x.url)).toContain(s.url);
  });
});
