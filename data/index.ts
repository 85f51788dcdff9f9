// general.json (typical prices, safety facts, the question checklist) for tests and Node scripts. Extension
// pages bundle nothing from data/: they read the packaged copy (data/general.json in the build, validated at
// build time) and one JSON file per provider on demand (data/packaged.ts, docs/architecture.md "Data loading").
import type { General } from '../lib/dataset/general-schema';
import generalJson from './general.json';

export const general = generalJson as General;
