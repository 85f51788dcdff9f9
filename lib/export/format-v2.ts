// Version 2 of the export file (issue 16, "Save this site"), frozen once released: version 1 plus, on a
// clinic the user added, its phone, street and ZIP and, when it was filled from a page, where and when each
// value was read (`read`). All new fields are optional, so every version 1 file is also a valid version 2
// file apart from the version number (the upgrade only changes that).
import { z } from '../zod';
import { ExportFileV1, ShortlistItemV1 } from './format-v1';

const timestamp = z.number().int().nonnegative().meta({ description: 'Milliseconds since 1970-01-01 UTC' });
const HttpUrl = z
  .string()
  .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), 'expected an http(s) URL')
  .meta({ format: 'uri', pattern: '^[hH][tT][tT][pP][sS]?://' });

const ReadSourceV2 = z.enum(['json-ld', 'microdata', 'og', 'title', 'tel-link', 'text', 'page-url']);
const ReadFieldNameV2 = z.enum(['name', 'website', 'street', 'city', 'state', 'zip', 'phone']);

const SiteReadV2 = z
  .strictObject({
    url: HttpUrl.meta({ description: 'The page that was read' }),
    host: z.string().min(1).max(253),
    at: timestamp.meta({ description: 'When the page was read' }),
    fields: z
      .partialRecord(ReadFieldNameV2, z.strictObject({ source: ReadSourceV2, at: timestamp }))
      .meta({ description: 'For each value saved as read: where on the page and when it was read (a field the user changed has none)' }),
    prices: z
      .array(
        z.strictObject({
          amount: z.number().positive().max(100_000),
          high: z.number().positive().max(100_000).nullable(),
          text: z.string().max(60),
          sentence: z.string().max(300),
          at: timestamp,
        }),
      )
      .max(30)
      .meta({ description: 'Price mentions read from the page, each with its sentence (not confirmed by the clinic)' }),
    openingHours: z.array(z.string().max(100)).max(14),
    priceRange: z.string().max(100).nullable(),
  })
  .meta({ title: 'Where and when a clinic’s values were read from its page' });

const CustomClinicV2 = ShortlistItemV1.shape.custom.unwrap().extend({
  phone: z.string().trim().min(1).max(30).optional(),
  street: z.string().trim().min(1).max(200).optional(),
  zip: z.string().regex(/^\d{5}(-\d{4})?$/).optional(),
  read: SiteReadV2.optional(),
});

export const ShortlistItemV2 = ShortlistItemV1.extend({ custom: CustomClinicV2.nullable() });

export const ExportFileV2 = ExportFileV1.extend({ version: z.literal(2), items: z.array(ShortlistItemV2) }).meta({
  title: 'Clinic Scout shortlist export, version 2',
});

export type ExportFileV2 = z.output<typeof ExportFileV2>;

/** A parsed version 1 file as a version 2 file: nothing to convert, the new fields are optional. */
export function upgradeV1(file: z.output<typeof ExportFileV1>): ExportFileV2 {
  return { ...file, version: 2 };
}

// v2 was the version written until version 3 (issue 18); format-v3.ts now holds the model check.
