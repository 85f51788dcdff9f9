// What the background needs from each record — matching rules, name and status — and nothing else.
// Built at bundle time by scripts/vite-virtual-data.ts from the records (packed by lib/match/slim.ts).
import rows from 'virtual:clinic-scout/match-entries';
import { unpackSlim, type SlimEntry } from '../lib/match/slim';
import type { BadgeProvider } from '../lib/tabs/badge';

export type { SlimEntry };

export const matchEntries: readonly SlimEntry[] = rows.map(unpackSlim);

const byId = new Map<string, BadgeProvider>(matchEntries.map((e) => [e.id, { name: e.name, state: e.state }]));
export const badgeProvider = (id: string) => byId.get(id);
