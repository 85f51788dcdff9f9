import type { General } from '../dataset/general-schema';
import type { SourcedText } from '../dataset/provenance';
import type { Provider, Source } from '../dataset/schema';

export type FinancingOffer = 'careCredit' | 'paymentPlans';

export interface FinancingNote extends SourcedText {
  id: 'deferred-interest';
  /** What the provider record says it offers (tri-state 'yes' only). */
  offers: FinancingOffer[];
  /** One neutral sentence naming what the clinic lists. */
  lead: string;
  /** general.deferredInterest.text, verbatim. */
  statement: string;
  // text: lead + statement, for a one-paragraph rendering.
  // sources: the provider's financing sources, then the deferred-interest statement's sources (de-duplicated by URL).
}

const OFFER_WORDS: Record<FinancingOffer, string> = {
  careCredit: 'CareCredit',
  paymentPlans: 'payment plans',
};

/**
 * Neutral notes on financing: when the provider lists CareCredit or payment plans ('yes'), the
 * deferred-interest statement from general.json (interest charged back if the balance is not paid in full
 * when the promotion ends). Empty for a clinic the user added, or one that lists neither.
 */
export function financingNotes(provider: Provider | null, general: General): FinancingNote[] {
  if (!provider) return [];
  const offers: FinancingOffer[] = [];
  if (provider.financing.careCredit === 'yes') offers.push('careCredit');
  if (provider.financing.paymentPlans === 'yes') offers.push('paymentPlans');
  if (offers.length === 0) return [];

  const listed = offers.map((o) => OFFER_WORDS[o]).join(' and ');
  const lead = offers.includes('careCredit')
    ? `This clinic lists ${listed}.`
    : `This clinic lists ${listed}; ask whether a plan charges interest and whether any interest is deferred.`;
  const statement = general.deferredInterest.text;
  const seen = new Set<string>();
  const sources = [...provider.financing.sources, ...general.deferredInterest.sources].filter((s) => {
    if (seen.has(s.url)) return false;
    seen.add(s.url);
    return true;
  });
  return [{ id: 'deferred-interest', offers, lead, statement, text: `${lead} ${statement}`, sources }];
}
