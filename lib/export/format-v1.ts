// Version 1 of the export file, frozen. Files written today must import in every later release, so this
// schema never changes: when the shortlist model changes, add format-v2.ts plus an upgrade from v1 (see
// json-format.ts) instead of editing this file. The type checks at the bottom fail the build if the model
// in lib/shortlist/schema.ts drifts away from v1 while v1 is still the version being written.
import { z } from '../zod';

export const FORMAT_NAME = 'clinic-scout-shortlists' as const;

const id = z.string().min(1).max(100);
const timestamp = z.number().int().nonnegative().meta({ description: 'Milliseconds since 1970-01-01 UTC' });

const HttpUrl = z
  .string()
  .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), 'expected an http(s) URL')
  .meta({ format: 'uri', pattern: '^[hH][tT][tT][pP][sS]?://' });

const UsState = z.enum([
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS',
  'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC',
  'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY',
]);

const QuoteV1 = z.strictObject({
  consultation: z.number().nonnegative().nullable(),
  perSession: z.number().nonnegative().nullable(),
  note: z.string().max(2000),
});

const CustomClinicV1 = z.strictObject({
  name: z.string().trim().min(1).max(200),
  website: HttpUrl.nullable(),
  city: z.string().trim().max(100).nullable(),
  state: UsState.nullable(),
});

const AnswerV1 = z.strictObject({ done: z.boolean(), text: z.string().max(10_000) });

const PlanOptionsV1 = z.strictObject({
  initialSessions: z.number().int().min(0).max(100).nullable(),
  maintenancePerMonth: z.number().min(0).max(31).nullable(),
  maintenanceMonths: z.number().int().min(0).max(120).nullable(),
  hsaTaxRate: z.number().min(0).max(60).nullable(),
  spravatoInsurance: z.boolean(),
});

export const ShortlistItemV1 = z
  .strictObject({
    id,
    shortlistId: id,
    providerId: id.nullable().meta({ description: 'Dataset provider id; null for a clinic the user added by hand' }),
    snapshot: z.strictObject({ name: z.string().min(1).max(200), website: HttpUrl.nullable() }),
    custom: CustomClinicV1.nullable(),
    status: z.enum(['considering', 'contacted', 'consultation-booked', 'ruled-out']),
    notes: z.string().max(100_000),
    quote: QuoteV1.nullable(),
    answers: z
      .record(z.string().max(100), AnswerV1)
      .meta({ description: 'Checklist answers keyed by question id (data/general.json questions[].id)' }),
    plan: PlanOptionsV1.nullable(),
    position: z.number().meta({ description: 'Sort key within the list, ascending' }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ title: 'Shortlist item (a clinic on a list, with the user’s notes)' });

export const ShortlistV1 = z
  .strictObject({
    id,
    name: z.string().trim().min(1).max(200),
    createdAt: timestamp,
    updatedAt: timestamp,
    deletedAt: timestamp.nullable().meta({ description: 'Set while the list is in the trash' }),
  })
  .meta({ title: 'Shortlist' });

export const ExportFileV1 = z
  .strictObject({
    format: z.literal(FORMAT_NAME),
    version: z.literal(1),
    exportedAt: z.iso.datetime({ offset: true }),
    shortlists: z.array(ShortlistV1),
    items: z.array(ShortlistItemV1),
  })
  .meta({ title: 'Clinic Scout shortlist export, version 1' });

export type ExportFileV1 = z.output<typeof ExportFileV1>;

// v1 was the version written until version 2 (issue 16); format-v2.ts now holds the model check.
