// What the background needs from each record — matching rules, name and status — and nothing else.
// Built at bundle time by scripts/vite-virtual-data.ts from data/providers/*.json.
import entries from 'virtual:clinic-scout/match-entries';
import type { Provider } from '../lib/dataset/schema';
import type { MatchEntry } from '../lib/match';
import type { BadgeProvider } from '../lib/tabs/badge';

export interface SlimEntry extends MatchEntry {
  name: string;
  state: Provider['status']['state'];
}

export const matchEntries: readonly SlimEntry[] = entries;

const byId = new Map<string, BadgeProvider>(entries.map((e) => [e.id, { name: e.name, state: e.state }]));
export const badgeProvider = (id: string) => byId.get(id);
