// What the background needs from each record — matching rules, name and status — and nothing else,
// so the worker's bundle and start-up stay small as the dataset grows. Named JSON imports let the
// bundler drop every other field.
import type { Provider } from '../lib/dataset/schema';
import type { MatchEntry } from '../lib/match';
import type { BadgeProvider } from '../lib/tabs/badge';

const glob = { eager: true } as const;
const matches = import.meta.glob<Provider['match']>('./providers/*.json', { ...glob, import: 'match' });
const lookalikes = import.meta.glob<Provider['lookalikes']>('./providers/*.json', { ...glob, import: 'lookalikes' });
const names = import.meta.glob<string>('./providers/*.json', { ...glob, import: 'name' });
const statuses = import.meta.glob<Provider['status']>('./providers/*.json', { ...glob, import: 'status' });

const idOf = (path: string) => path.slice(path.lastIndexOf('/') + 1, -'.json'.length);

export const matchEntries: MatchEntry[] = Object.keys(matches).map((path) => ({
  id: idOf(path),
  match: matches[path]!,
  lookalikes: lookalikes[path] ?? [],
}));

const badgeProviders = new Map<string, BadgeProvider>(
  Object.keys(names).map((path) => [idOf(path), { name: names[path]!, state: statuses[path]!.state }]),
);
export const badgeProvider = (id: string) => badgeProviders.get(id);
