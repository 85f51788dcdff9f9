import { z } from '../zod';
import { US_STATES } from './us-states';

/** ISO date, possibly partial ("2023", "2023-03", "2023-03-10"). */
export const IsoDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected a date like 2023-03-10, 2023-03 or 2023');
export const FullIsoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected a full date like 2026-11-27');

/** Links from data are rendered as <a href>: only http(s) may ever reach the page. */
export const HttpUrl = z
  .string()
  .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), 'expected an http(s) URL');

/** A lowercase ASCII hostname (IDN in punycode), no scheme, port or path. */
export const Hostname = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/, 'expected a lowercase hostname like example.com');

export const Source = z.object({
  url: HttpUrl,
  /** null: the page shows no date. */
  date: IsoDate.nullable(),
  title: z.string().min(1).optional(),
  /** Not the provider's own site (news, directory, repost). */
  thirdParty: z.boolean().optional(),
  /** The research marks this source or fact as uncertain. */
  uncertain: z.boolean().optional(),
});

export const Tri = z.enum(['yes', 'no', 'unknown']);

export const Modality = z.enum([
  'iv-infusion',
  'im-injection',
  'subcutaneous',
  'esketamine-nasal',
  'oral-sublingual',
  'ketamine-assisted-psychotherapy',
]);

export const Condition = z.enum([
  'depression',
  'treatment-resistant-depression',
  'bipolar-depression',
  'postpartum-depression',
  'suicidal-ideation',
  'anxiety',
  'ptsd',
  'ocd',
  'chronic-pain',
  'migraine',
  'substance-use',
  'eating-disorders',
]);

export const UsState = z.enum(US_STATES);

const sources = z.array(Source);
const note = z.string().min(1).optional();

export const ProviderKind = z.enum([
  'clinic-network',
  'single-clinic',
  'telehealth-programme',
  'medication-programme',
  'resource',
]);

// 'not-accepting' (no new patients or referrals) and 'not-yet-open' (announced, not yet treating) are
// operating businesses a patient still cannot book: the card says so first, like a closure.
export const StatusState = z.enum(['operating', 'not-accepting', 'not-yet-open', 'closed', 'acquired', 'unknown']);

export const Status = z.object({
  state: StatusState,
  /** When the state began (closure date, acquisition date); null when unknown. */
  since: IsoDate.nullable(),
  /** One or two plain sentences: what happened, as the sources say it. */
  detail: z.string().min(1),
  sources,
});

export const PriceKind = z.enum(['consultation', 'session', 'package', 'monthly', 'other']);

export const Price = z.object({
  kind: PriceKind,
  /** What the user reads, e.g. "IV infusion, 1 hour, low dose". */
  label: z.string().min(1),
  low: z.number().nonnegative().nullable(),
  high: z.number().nonnegative().nullable(),
  /** Number of sessions in a package. */
  sessions: z.number().int().positive().optional(),
  modality: Modality.optional(),
  includes: note,
  /** Date the price was stated; null when the page shows none. */
  asOf: IsoDate.nullable(),
  /** Who published the figure: the provider itself or a third party (news, directory). */
  publishedBy: z.enum(['provider', 'third-party']),
  sources,
});

export const Location = z.object({
  city: z.string().min(1).nullable(),
  state: UsState,
  /** Free text shown instead of city when useful, e.g. "Dallas / Plano / Richardson area". */
  label: note,
  /** false: inferred from a name, hostname or area code; shown as "location not confirmed". */
  confirmed: z.boolean(),
  sources,
});

export const LookAlike = z.object({
  host: Hostname,
  /** The business behind the look-alike, when known. */
  name: z.string().min(1).nullable(),
  /** Why it is not this provider, plainly. */
  reason: z.string().min(1),
  sources,
});

export const PathRule = z.object({
  host: Hostname,
  /** Starts with "/"; matched on the decoded path, at a segment boundary. */
  prefix: z.string().regex(/^\/[^?#]*$/),
});

export const Match = z.object({
  /** Registrable domains: the domain and every subdomain match. */
  domains: z.array(Hostname),
  /** Exact hostnames only (no subdomains). */
  hosts: z.array(Hostname),
  /** Official content on shared hosts, e.g. intercom.help/nuelife. */
  paths: z.array(PathRule),
  /** Hosts known to copy the provider's content (staging, mirrors): never matched. */
  mirrors: z.array(Hostname),
});

export const Note = z.object({ text: z.string().min(1), sources });
export const ComparisonNote = z.object({
  kind: z.enum(['strength', 'consideration']),
  text: z.string().min(1),
  sources,
});

export const Provider = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lowercase slug like mindbloom'),
  name: z.string().min(1),
  aka: z.array(z.string().min(1)),
  kind: ProviderKind,
  /** One neutral sentence. */
  summary: z.string().min(1),
  status: Status,
  modalities: z.object({ value: z.array(Modality), note, sources }),
  conditions: z.object({ value: z.array(Condition), other: z.array(z.string().min(1)), note, sources }),
  delivery: z.object({ value: z.enum(['in-clinic', 'at-home', 'both', 'unknown']), note, sources }),
  locations: z.array(Location),
  /** Telehealth: the states served; null when not published. */
  statesServed: z.object({ value: z.array(UsState).nullable(), note, sources }).optional(),
  /** The provider's usual initial series, when published (used by the cost plan). */
  protocol: z
    .object({ initialSessions: z.number().int().positive().nullable(), note, sources })
    .optional(),
  prices: z.array(Price),
  /** Why no or few prices are shown, e.g. "No price was found on the pages reviewed." */
  pricesNote: note,
  insurance: z.object({
    accepted: z.enum(['yes', 'no', 'some', 'unknown']),
    networks: z.array(z.string().min(1)),
    superbill: Tri,
    medicare: Tri,
    medicaid: Tri,
    note,
    sources,
  }),
  financing: z.object({
    paymentPlans: Tri,
    careCredit: Tri,
    hsaFsa: Tri,
    note,
    sources,
  }),
  staff: z.object({
    prescribers: z.string().min(1).nullable(),
    administers: z.string().min(1).nullable(),
    note,
    sources,
  }),
  therapy: z.object({ integrated: Tri, note, sources }),
  /** The provider's own claims (patients treated, success rates): always labelled as claims. */
  claims: z.array(Note),
  comparison: z.array(ComparisonNote),
  /** Provider-specific questions worth asking. */
  questions: z.array(z.string().min(1)),
  match: Match,
  lookalikes: z.array(LookAlike),
  /** Other providers in the dataset this one is easily confused with (similar names); shown on the card. */
  confusableWith: z.array(z.object({ id: z.string().min(1), reason: z.string().min(1), sources })),
  sources: sources.min(1),
  lastReviewed: FullIsoDate,
});

export type Source = z.infer<typeof Source>;
export type Tri = z.infer<typeof Tri>;
export type Modality = z.infer<typeof Modality>;
export type Condition = z.infer<typeof Condition>;
export type UsState = z.infer<typeof UsState>;
export type ProviderKind = z.infer<typeof ProviderKind>;
export type StatusState = z.infer<typeof StatusState>;
export type Price = z.infer<typeof Price>;
export type Location = z.infer<typeof Location>;
export type LookAlike = z.infer<typeof LookAlike>;
export type PathRule = z.infer<typeof PathRule>;
export type MatchRules = z.infer<typeof Match>;
export type Provider = z.infer<typeof Provider>;
/** Every field is required in the JSON, so a validated record needs no parsing at run time. */
export type ProviderInput = z.input<typeof Provider>;
