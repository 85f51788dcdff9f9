// Small hand-made fixtures for the cost-plan and checklist tests (data/ is being written by others).
// Both are parsed with the real schemas, so a schema change that breaks them fails loudly here.
import { General, type Question } from '../../../lib/dataset/general-schema';
import { Provider, type Price, type ProviderInput } from '../../../lib/dataset/schema';
import type { PlanOptions, Quote } from '../../../lib/shortlist/schema';

export const src = (path: string, extra: { thirdParty?: boolean } = {}) => ({
  url: `https://example.com/${path}`,
  date: '2025-01-15',
  ...extra,
});

export function price(p: Partial<Price> & Pick<Price, 'kind' | 'low' | 'high'>): Price {
  return {
    label: `${p.kind} price`,
    asOf: '2025-01',
    publishedBy: 'provider',
    sources: [src(`price-${p.kind}-${p.low}-${p.high}`)],
    ...p,
  };
}

export function makeProvider(overrides: Partial<ProviderInput> = {}): Provider {
  const base: ProviderInput = {
    id: 'test-clinic',
    name: 'Test Clinic',
    aka: [],
    kind: 'single-clinic',
    summary: 'A test clinic.',
    status: { state: 'operating', since: null, detail: 'Operating.', sources: [src('status')] },
    modalities: { value: ['iv-infusion'], sources: [src('modalities')] },
    conditions: { value: ['depression'], other: [], sources: [src('conditions')] },
    delivery: { value: 'in-clinic', sources: [src('delivery')] },
    locations: [],
    prices: [],
    insurance: {
      accepted: 'no',
      networks: [],
      superbill: 'unknown',
      medicare: 'unknown',
      medicaid: 'unknown',
      sources: [],
    },
    financing: { paymentPlans: 'unknown', careCredit: 'unknown', hsaFsa: 'unknown', sources: [src('financing')] },
    staff: { prescribers: null, administers: null, sources: [] },
    therapy: { integrated: 'unknown', sources: [] },
    claims: [],
    comparison: [],
    questions: [],
    match: { domains: ['test-clinic.example'], hosts: [], paths: [], mirrors: [] },
    lookalikes: [],
    confusableWith: [],
    sources: [src('home')],
    lastReviewed: '2025-02-01',
  };
  return Provider.parse({ ...base, ...overrides });
}

export const TYPICAL = {
  consultation: [200, 500],
  'iv-session': [400, 800],
  'im-session': [250, 500],
  'at-home-session': [150, 300],
  'spravato-session': [590, 885],
  'maintenance-session': [350, 700],
} as const;

export const GENERAL_QUESTIONS: Question[] = [
  {
    id: 'who-administers',
    topic: 'staff',
    text: 'Who administers the treatment and who monitors me?',
    why: 'Training and monitoring vary.',
    sources: [src('q1')],
  },
  {
    id: 'total-cost',
    topic: 'cost',
    text: 'What is the total cost of the initial series?',
    why: 'Prices are often quoted per session.',
    sources: [src('q2')],
  },
];

export function makeGeneral(omitTypical: Array<keyof typeof TYPICAL> = []): General {
  return General.parse({
    typicalPrices: (Object.keys(TYPICAL) as Array<keyof typeof TYPICAL>)
      .filter((id) => !omitTypical.includes(id))
      .map((id) => ({
        id,
        kind: id === 'consultation' ? 'consultation' : 'session',
        label: `Typical ${id}`,
        low: TYPICAL[id][0],
        high: TYPICAL[id][1],
        sources: [src(`typical-${id}`)],
      })),
    initialSeries: { sessionsLow: 6, sessionsHigh: 8, weeksLow: 2, weeksHigh: 4, sources: [src('series')] },
    spravato: {
      initialSeries: { sessionsLow: 8, sessionsHigh: 8, weeksLow: 4, weeksHigh: 4, sources: [src('spravato-series')] },
      savingsProgramme: {
        text: 'Eligible commercially insured patients may pay a reduced copay for the medication, up to an annual programme maximum.',
        sources: [src('spravato-savings')],
      },
      coverage: { text: 'Many insurers cover Spravato with prior authorisation.', sources: [src('spravato-coverage')] },
      listPrice: { text: 'The list price varies by dose.', sources: [src('spravato-list')] },
    },
    responseRates: [],
    sideEffects: [],
    contraindications: [],
    deferredInterest: {
      text: 'Deferred-interest cards charge all the interest from the purchase date if the balance is not paid in full when the promotion ends.',
      sources: [src('deferred')],
    },
    hsaFsa: { text: 'Some providers say treatment is generally an eligible HSA/FSA expense.', sources: [src('hsa-fsa')] },
    questions: GENERAL_QUESTIONS,
    lastReviewed: '2025-02-01',
  });
}

export const NO_OPTIONS: PlanOptions = {
  initialSessions: null,
  maintenancePerMonth: null,
  maintenanceMonths: null,
  hsaTaxRate: null,
  spravatoInsurance: false,
};

export const options = (o: Partial<PlanOptions>): PlanOptions => ({ ...NO_OPTIONS, ...o });
export const quote = (q: Partial<Quote>): Quote => ({ consultation: null, perSession: null, note: '', ...q });
