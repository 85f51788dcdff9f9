// fast-check arbitraries for records that satisfy the shortlist schema, with hostile text.
import fc from 'fast-check';
import { Shortlist, ShortlistItem } from '../../../lib/shortlist/schema';
import { FORBIDDEN_KEYS } from '../../../lib/export/preflight';
import { UNTRACKED, markSeen, reconcile, startTracking, type TrackingFields } from '../../../lib/changes/tracking';
import { makeProvider } from '../../fixtures/providers';

/** Records as storage returns them: ordinary objects. */
const PLAIN = { noNullPrototype: true } as const;

/** Awkward pieces of text mixed into generated strings. */
const TRICKY = [
  '👩🏽‍⚕️', '🧠', '𝒳', '\u{1F600}', 'مرحبا بالعالم', 'שלום', '\u202E', '\u200F', '\u0000', '\u0007', '\u001B', '\r\n', '\r', '\n',
  '\t', '"', "'", ',', ';', '=', '+', '-', '@', '\uFF1D', '<script>', '</', '&amp;', '[x](y)', '# ', '|', '`', '*', '_', '\\',
  '\uFEFF', '\u2028', '\uD800', '\uDFFF', 'é', 'e\u0301', '{', '}', '[', ']', ' ',
];

export const text = (maxLength: number) =>
  fc
    .oneof(
      fc.string({ unit: 'binary', maxLength: Math.min(maxLength, 60) }),
      fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: Math.min(maxLength, 30) }),
      fc.string({ unit: fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 40 }),
    )
    .filter((s) => s.length <= maxLength);

/** Trimmed, non-empty, as z.string().trim().min(1) leaves it. */
const name = (maxLength: number) => text(maxLength).map((s) => s.trim()).filter((s) => s.length >= 1);

const id = fc.oneof(fc.uuid(), text(100).filter((s) => s.length >= 1));
const time = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
/** JSON has no -0; the export writes it as 0, which sorts the same. */
const num = (c: { min?: number; max?: number }) =>
  fc.double({ ...c, noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));
const url = fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((u) => /^https?:\/\//i.test(u) && URL.canParse(u));
const state = fc.constantFrom('CA', 'CO', 'NY', 'TX', 'DC');
const answerKey = text(100).filter((k) => !FORBIDDEN_KEYS.has(k));

export const shortlistArb = (listId: fc.Arbitrary<string> = id) =>
  fc.record({ id: listId, name: name(200), createdAt: time, updatedAt: time, deletedAt: fc.option(time) }, PLAIN).filter((s) => Shortlist.safeParse(s).success);

/** Change tracking as it really occurs: none, saved, an unseen change, a seen one with history, a removal. */
function trackingStates(): TrackingFields[] {
  const A = { app: '0.1.0', data: '0123456789abcdef' };
  const B = { app: '0.2.0', data: 'fedcba9876543210' };
  const before = makeProvider();
  const after = makeProvider({
    status: { state: 'closed', since: '2026-03-10', detail: 'Closed “all” <b>clinics</b> 👩🏽‍⚕️', sources: [{ url: 'https://news.example.com/a?b=1#c', date: null, thirdParty: true }] },
    prices: [{ ...before.prices[1]!, low: 500, high: 650 }],
  });
  const tracked = { providerId: before.id, ...startTracking(before, A, 1_700_000_000_000) };
  const unseen = reconcile(tracked, after, B, 1_710_000_000_000)!;
  const seen = markSeen(unseen, after, B, 1_720_000_000_000)!;
  const gone = reconcile(seen, null, { ...B, app: '0.3.0' }, 1_730_000_000_000)!;
  const strip = ({ providerId: _p, ...t }: TrackingFields & { providerId: string | null }): TrackingFields => t;
  return [UNTRACKED, strip(tracked), strip(unseen), strip(seen), strip(gone)];
}
const tracking = fc.constantFrom(...trackingStates());

export const itemArb = (listIds: readonly string[]) =>
  fc
    .record({
      id,
      shortlistId: fc.constantFrom(...listIds),
      providerId: fc.option(fc.constantFrom('mindbloom', 'closedco', 'gone-from-dataset')),
      snapshot: fc.record({ name: text(200).filter((s) => s.length >= 1), website: fc.option(url) }, PLAIN),
      custom: fc.option(fc.record({ name: name(200), website: fc.option(url), city: fc.option(text(100).map((s) => s.trim())), state: fc.option(state) }, PLAIN)),
      status: fc.constantFrom('considering', 'contacted', 'consultation-booked', 'ruled-out' as const),
      notes: text(100_000),
      quote: fc.option(fc.record({ consultation: fc.option(num({ min: 0 })), perSession: fc.option(num({ min: 0, max: 1e6 })), note: text(2000) }, PLAIN)),
      answers: fc.dictionary(answerKey, fc.record({ done: fc.boolean(), text: text(10_000) }, PLAIN), { maxKeys: 4, noNullPrototype: true }),
      plan: fc.option(
        fc.record({
          initialSessions: fc.option(fc.integer({ min: 0, max: 100 })),
          maintenancePerMonth: fc.option(num({ min: 0, max: 31 })),
          maintenanceMonths: fc.option(fc.integer({ min: 0, max: 120 })),
          hsaTaxRate: fc.option(num({ min: 0, max: 60 })),
          spravatoInsurance: fc.boolean(),
        }, PLAIN),
      ),
      position: num({}),
      createdAt: time,
      updatedAt: time,
      tracking,
    }, PLAIN)
    .map(({ tracking: t, ...item }) => ({ ...item, ...t }))
    .filter((i) => ShortlistItem.safeParse(i).success);

/** Lists with unique ids and items on them with unique ids. */
export const dataArb = fc
  .uniqueArray(shortlistArb(), { minLength: 1, maxLength: 3, selector: (s) => s.id })
  .chain((shortlists) =>
    fc.record({
      shortlists: fc.constant(shortlists),
      items: fc.uniqueArray(itemArb(shortlists.map((s) => s.id)), { maxLength: 6, selector: (i) => i.id }),
    }),
  );
