// What every extension page bundles from data/: only general.json (typical prices, safety facts, the
// question checklist; small and the same at any dataset size). Provider records are packaged as one JSON
// file each and loaded on demand (data/packaged.ts, docs/architecture.md "Data loading").
import type { General } from '../lib/dataset/general-schema';
import generalJson from './general.json';

export const general = generalJson as General;
