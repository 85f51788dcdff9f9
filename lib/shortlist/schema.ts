import { z } from '../zod';
import { HttpUrl, UsState } from '../dataset/schema';
import { HistoryEntry, ItemFacts, Removal } from '../changes/schema';
import { SiteRead } from '../extract/saved';

import { ANSWER_MAX, CITY_MAX, CLINIC_NAME_MAX, LIST_NAME_MAX, NOTES_MAX, PHONE_MAX, QUOTE_NOTE_MAX, STREET_MAX } from './limits';

// The limits live in ./limits.ts (no zod there); re-exported for code that already imports the schemas.
export { ANSWER_MAX, CITY_MAX, CLINIC_NAME_MAX, LIST_NAME_MAX, NOTES_MAX, PHONE_MAX, QUOTE_NOTE_MAX, STREET_MAX };

/** Where the user is with a clinic. */
export const ItemStatus = z.enum(['considering', 'contacted', 'consultation-booked', 'ruled-out']);

/** A price a clinic quoted the user (replaces the published range in the cost plan). */
export const Quote = z.object({
  consultation: z.number().nonnegative().nullable(),
  perSession: z.number().nonnegative().nullable(),
  note: z.string().max(QUOTE_NOTE_MAX),
});

/** A clinic the user added by hand: not from the dataset, always shown as the user's own entry. */
export const CustomClinic = z.object({
  name: z.string().trim().min(1).max(CLINIC_NAME_MAX),
  website: HttpUrl.nullable(),
  city: z.string().trim().max(CITY_MAX).nullable(),
  state: UsState.nullable(),
  // Added for "Save this site" (issue 16). Optional, so entries saved before have no such keys and stay valid;
  // no store or index changes, hence no IndexedDB version step.
  phone: z.string().trim().min(1).max(PHONE_MAX).optional(),
  street: z.string().trim().min(1).max(STREET_MAX).optional(),
  zip: z.string().regex(/^\d{5}(-\d{4})?$/).optional(),
  /** Set when the entry was filled from a page: where and when each value was read. */
  read: SiteRead.optional(),
});

/** The user's answer to one checklist question (question ids come from data/general.json). */
export const Answer = z.object({
  done: z.boolean(),
  text: z.string().max(ANSWER_MAX),
});

/** The user's cost-plan choices for one item; null fields mean "use the default". */
export const PlanOptions = z.object({
  initialSessions: z.number().int().min(0).max(100).nullable(),
  maintenancePerMonth: z.number().min(0).max(31).nullable(),
  maintenanceMonths: z.number().int().min(0).max(120).nullable(),
  /** Marginal tax rate in percent, when paying with HSA/FSA money. */
  hsaTaxRate: z.number().min(0).max(60).nullable(),
  spravatoInsurance: z.boolean(),
});

export const ShortlistItem = z.object({
  id: z.string().min(1).max(100),
  shortlistId: z.string().min(1).max(100),
  /** Dataset provider id; null for a custom clinic. */
  providerId: z.string().min(1).max(100).nullable(),
  /** Name and website at the time of adding, so the item survives its provider leaving the dataset. */
  snapshot: z.object({ name: z.string().min(1).max(200), website: HttpUrl.nullable() }),
  custom: CustomClinic.nullable(),
  status: ItemStatus,
  notes: z.string().max(NOTES_MAX),
  quote: Quote.nullable(),
  answers: z.record(z.string().max(100), Answer),
  plan: PlanOptions.nullable(),
  /** Sort key within the shortlist (ascending). */
  position: z.number(),
  createdAt: z.number().int().nonnegative(),
  /** Last time the user touched it (ms since epoch). */
  updatedAt: z.number().int().nonnegative(),
  // Change tracking (schema v3, lib/changes/tracking.ts): the decision facts the user has seen, what
  // changed since (oldest first, the last entry unseen while seenAt is null) and a removal from the dataset.
  /** Null for a custom clinic, and for an older item until the first check after the upgrade. */
  facts: ItemFacts.nullable(),
  changeHistory: z.array(HistoryEntry).max(1000),
  removed: Removal.nullable(),
});

/** What an item without change tracking (written before schema v3) reads as. */
const TRACKING_DEFAULTS = {
  facts: ItemFacts.nullable().default(null),
  changeHistory: z.array(HistoryEntry).max(1000).default([]),
  removed: Removal.nullable().default(null),
};

/**
 * An item as the database keeps it (schema version 2 on): the model plus `revision`, which starts at 1
 * and goes up by one with every change to what the user wrote (notes, status, quote, answers, plan) and
 * every import over it, but not with moves. Writers of user text pass the revision they read; see
 * ShortlistDb.updateItem. The revision is storage bookkeeping: exports never include it.
 */
export const StoredShortlistItem = ShortlistItem.extend({ revision: z.number().int().nonnegative() });

/**
 * What reads accept: a record written before version 2 that somehow has no revision reads as revision 0;
 * one without the v3 change-tracking fields reads as untracked (the next check fills them in).
 */
export const StoredShortlistItemRead = ShortlistItem.extend({ revision: z.number().int().nonnegative().default(0), ...TRACKING_DEFAULTS });

/** An item as writers may pass it (undo, import, tests): the model, tracking fields optional (untracked). */
export const ShortlistItemInput = ShortlistItem.extend(TRACKING_DEFAULTS);

export const Shortlist = z.object({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(LIST_NAME_MAX),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
  /** Set when deleted; the list is kept for a while so the deletion can be undone. */
  deletedAt: z.number().int().nonnegative().nullable(),
});

export type ItemStatus = z.infer<typeof ItemStatus>;
export type Quote = z.infer<typeof Quote>;
export type CustomClinic = z.infer<typeof CustomClinic>;
export type Answer = z.infer<typeof Answer>;
export type PlanOptions = z.infer<typeof PlanOptions>;
export type ShortlistItem = z.infer<typeof ShortlistItem>;
export type Shortlist = z.infer<typeof Shortlist>;
export type StoredShortlistItem = z.infer<typeof StoredShortlistItem>;
