import { z } from '../zod';
import { FullIsoDate, PriceKind, Source } from './schema';

const sources = z.array(Source).min(1);

/** A typical market range, used when a provider publishes no price of its own. */
export const TypicalPrice = z.object({
  id: z.enum(['consultation', 'iv-session', 'im-session', 'at-home-session', 'spravato-session', 'maintenance-session']),
  kind: PriceKind,
  label: z.string().min(1),
  low: z.number().nonnegative(),
  high: z.number().nonnegative(),
  sources,
});

export const Statement = z.object({ text: z.string().min(1), sources });

export const Question = z.object({
  /** Stable id: answers saved with a shortlist refer to it. */
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    // Answers are keyed by question id in exported files; these would be refused on import.
    .refine((id) => !['constructor', 'prototype', '__proto__'].includes(id), 'reserved word, choose another id'),
  topic: z.enum(['experience', 'staff', 'safety', 'protocol', 'cost', 'insurance', 'care']),
  text: z.string().min(1),
  /** Why it matters, one sentence. */
  why: z.string().min(1),
  sources,
});

const Series = z.object({
  sessionsLow: z.number().int().positive(),
  sessionsHigh: z.number().int().positive(),
  weeksLow: z.number().positive(),
  weeksHigh: z.number().positive(),
  note: z.string().min(1).optional(),
  sources,
});

export const General = z.object({
  typicalPrices: z.array(TypicalPrice).min(1),
  /** The usual ketamine (IV/IM) starting series. */
  initialSeries: Series,
  spravato: z.object({
    /** Spravato's own induction schedule (label dosing), used for clinics that offer only Spravato. */
    initialSeries: Series,
    savingsProgramme: Statement,
    coverage: Statement,
    listPrice: Statement,
  }),
  responseRates: z.array(Statement),
  sideEffects: z.array(Statement),
  contraindications: z.array(Statement),
  /** Neutral note on deferred-interest medical credit cards. */
  deferredInterest: Statement,
  /** What the sources say about paying with HSA/FSA money (shown with the cost plan's HSA/FSA view). */
  hsaFsa: Statement,
  questions: z.array(Question).min(1),
  lastReviewed: FullIsoDate,
});

export type TypicalPrice = z.infer<typeof TypicalPrice>;
export type Series = z.infer<typeof Series>;
export type Statement = z.infer<typeof Statement>;
export type Question = z.infer<typeof Question>;
export type General = z.infer<typeof General>;
