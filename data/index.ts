// The full dataset, for extension pages (side panel). Records were validated at build time
// (wxt.config.ts runs the dataset check), so no parsing is needed here.
import type { Provider } from '../lib/dataset/schema';
import type { General } from '../lib/dataset/general-schema';
import generalJson from './general.json';
// Every record of the build's dataset (data/providers/, or a test fixture dataset: scripts/data-dir.ts).
import records from 'virtual:clinic-scout/providers';

export const providers: readonly Provider[] = [...records].sort((a, b) => a.name.localeCompare(b.name));

const byId = new Map(providers.map((p) => [p.id, p]));
export const providerById = (id: string): Provider | undefined => byId.get(id);

export const general = generalJson as General;
