// Shared test data for the export tests and tests/bench/export.bench.ts.
import type { Provider } from '../../../lib/dataset/schema';
import type { General } from '../../../lib/dataset/general-schema';
import type { Shortlist, ShortlistItem } from '../../../lib/shortlist/schema';
import type { ExportInput } from '../../../lib/export/input';

const src = (url: string, title?: string) => ({ url, date: '2025-01-15', ...(title ? { title } : {}) });

export function makeProvider(over: Partial<Provider> & { id: string; name: string }): Provider {
  return {
    aka: [],
    kind: 'clinic-network',
    summary: 'A ketamine clinic network.',
    status: { state: 'operating', since: null, detail: 'Operating.', sources: [src(`https://${over.id}.example.com/`)] },
    modalities: { value: ['iv-infusion', 'im-injection'], sources: [] },
    conditions: { value: ['depression'], other: [], sources: [] },
    delivery: { value: 'in-clinic', sources: [] },
    locations: [
      { city: 'Denver', state: 'CO', confirmed: true, sources: [] },
      { city: 'Austin', state: 'TX', confirmed: false, sources: [] },
    ],
    prices: [
      { kind: 'consultation', label: 'Consultation', low: 150, high: 250, asOf: '2025-01', publishedBy: 'provider', sources: [src(`https://${over.id}.example.com/pricing`, 'Pricing')] },
      { kind: 'session', label: 'IV infusion', low: 400, high: 500, asOf: null, publishedBy: 'provider', sources: [] },
      { kind: 'session', label: 'IM injection', low: 300, high: 300, asOf: null, publishedBy: 'third-party', sources: [] },
      { kind: 'package', label: 'Six infusions', low: 2400, high: null, sessions: 6, asOf: null, publishedBy: 'provider', sources: [] },
    ],
    insurance: { accepted: 'some', networks: ['Aetna', 'Cigna'], superbill: 'yes', medicare: 'no', medicaid: 'unknown', sources: [] },
    financing: { paymentPlans: 'yes', careCredit: 'yes', hsaFsa: 'unknown', sources: [] },
    staff: { prescribers: null, administers: null, sources: [] },
    therapy: { integrated: 'unknown', sources: [] },
    claims: [],
    comparison: [],
    questions: [],
    match: { domains: [`${over.id}.example.com`], hosts: [], paths: [], mirrors: [] },
    lookalikes: [],
    confusableWith: [],
    sources: [src(`https://${over.id}.example.com/`, `${over.name} home page`)],
    lastReviewed: '2025-02-01',
    ...over,
  };
}

export const MINDBLOOM = makeProvider({
  id: 'mindbloom',
  name: 'Mindbloom',
  delivery: { value: 'at-home', sources: [] },
  modalities: { value: ['oral-sublingual'], sources: [] },
});
export const CLOSED = makeProvider({
  id: 'closedco',
  name: 'Closed Co',
  status: { state: 'closed', since: '2023-03-10', detail: 'The company shut down all clinics.', sources: [src('https://news.example.org/closed', 'News')] },
});

export const PROVIDERS = new Map([MINDBLOOM, CLOSED].map((p) => [p.id, p]));

export const GENERAL: Pick<General, 'questions'> = {
  questions: [
    { id: 'who-monitors', topic: 'safety', text: 'Who monitors me during a session?', why: 'Safety.', sources: [src('https://example.org/q')] },
    { id: 'total-cost', topic: 'cost', text: 'What is the total cost, including the consultation?', why: 'Cost.', sources: [src('https://example.org/q')] },
  ],
};

import { makeItem, makeList } from '../../fixtures/shortlists';

export { makeItem, makeList };

export const CUSTOM_ITEM_FIELDS: Partial<ShortlistItem> = {
  providerId: null,
  snapshot: { name: 'Dr. Lee, Ketamine & Co', website: 'https://drlee.example.net/' },
  custom: { name: 'Dr. Lee, Ketamine & Co', website: 'https://drlee.example.net/', city: 'Boulder', state: 'CO' },
};

export function exportInput(over: Partial<ExportInput> & Pick<ExportInput, 'shortlists' | 'items'>): ExportInput {
  return {
    provider: (id) => PROVIDERS.get(id),
    general: GENERAL,
    exportedAt: new Date(2026, 4, 1, 12),
    ...over,
  };
}

/** n items spread over 10 lists, with notes, a quote and answers: for the bench. */
export function bigData(n: number): { shortlists: Shortlist[]; items: ShortlistItem[] } {
  const shortlists = Array.from({ length: 10 }, (_, i) => makeList({ id: `list-${i}`, name: `List ${i}` }));
  const items = Array.from({ length: n }, (_, i) =>
    makeItem({
      id: `item-${i}`,
      shortlistId: `list-${i % 10}`,
      providerId: i % 3 === 0 ? 'closedco' : 'mindbloom',
      position: i,
      status: 'contacted',
      notes: `Called on Monday, ${i}. They said "about $400", call back; ask about <staff> & *monitoring*.\nSecond line.`,
      quote: { consultation: 200, perSession: 450 + (i % 50), note: 'Quoted by phone' },
      answers: { 'who-monitors': { done: true, text: 'A nurse, the whole time.' }, 'total-cost': { done: false, text: '' } },
    }),
  );
  return { shortlists, items };
}
