// What the UI hands to the CSV and Markdown writers for a set of records: the one-line cost estimate per
// item (lib/cost) and, for Markdown, the comparison of each list's dataset clinics (./comparison).
import { MAX_COMPARE } from '../compare/selection';
import { estimatePlan } from '../cost/plan';
import { costSummaryLine } from '../cost/summary';
import type { General } from '../dataset/general-schema';
import type { Provider } from '../dataset/schema';
import type { Records } from '../shortlist/records';
import type { ShortlistItem } from '../shortlist/schema';
import { compareToTable, type ComparisonTable } from './comparison';
import type { ExportInput } from './input';

/** The one-line cost estimate for an item (the plan the user set, or the defaults); undefined if it can't be made. */
export function costLineFor(item: ShortlistItem, providerById: (id: string) => Provider | undefined, general: General): string | undefined {
  const provider = item.providerId === null ? null : (providerById(item.providerId) ?? null);
  try {
    return costSummaryLine(estimatePlan(provider, general, item.plan, item.quote));
  } catch {
    return undefined;
  }
}

/** The comparison table for a list of 2 to 4 dataset clinics (Markdown only), as the Compare view shows it. */
export function comparisonFor(items: readonly ShortlistItem[], providerById: (id: string) => Provider | undefined): ComparisonTable | undefined {
  const providers = new Map<string, Provider>();
  for (const item of items) {
    const p = item.providerId === null ? undefined : providerById(item.providerId);
    if (p) providers.set(p.id, p);
  }
  if (providers.size < 2 || providers.size > MAX_COMPARE) return undefined;
  return compareToTable([...providers.values()]);
}

/** The CSV/Markdown input for these records, with the cost line per item and the question texts. */
export function exportInputFor(
  records: Records,
  options: { providerById: (id: string) => Provider | undefined; general: General; exportedAt: Date; comparison?: boolean },
): ExportInput {
  const { providerById, general } = options;
  const costs = new Map<string, string | undefined>();
  return {
    shortlists: records.shortlists,
    items: records.items,
    provider: providerById,
    general,
    exportedAt: options.exportedAt,
    itemExtras: (item) => {
      if (!costs.has(item.id)) costs.set(item.id, costLineFor(item, providerById, general));
      const costEstimate = costs.get(item.id);
      return costEstimate ? { costEstimate } : undefined;
    },
    comparison: options.comparison
      ? (list) => comparisonFor(records.items.filter((i) => i.shortlistId === list.id), providerById)
      : undefined,
  };
}
