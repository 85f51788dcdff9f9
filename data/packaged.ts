// The extension's reader of data files packaged with the extension (docs/architecture.md, "Data loading").
//
// This is the extension's one `fetch(`, and it never leaves the extension: the URL always comes from
// `runtime.getURL`, i.e. a file inside this extension's own package (chrome-extension:// or
// moz-extension://, allowed by the CSP's connect-src 'self'). No host permission is involved and nothing
// is requested from the network. Paths are built by lib/dataset/loader.ts from validated ids only.
import { browser } from 'wxt/browser';
import type { General } from '../lib/dataset/general-schema';
import { createDatasetLoader, GENERAL_PATH, PackagedFileMissing, type DatasetLoader, type PackagedReader } from '../lib/dataset/loader';
import { DECISION_FACTS_PATH, factsLookup } from '../lib/changes/packaged-facts';
import type { FactsLookup } from '../lib/changes/deps';

export const readPackagedFile: PackagedReader = async (path) => {
  const url = browser.runtime.getURL(`/${path}` as '/');
  if (!url.startsWith(browser.runtime.getURL('/' as '/'))) throw new PackagedFileMissing(path);
  let res: Response;
  try {
    res = await fetch(url); // packaged file, see above
  } catch (e) {
    // A file absent from the package is a failed request in Chromium and Firefox alike (no 404).
    throw new PackagedFileMissing(path, { cause: e });
  }
  if (!res.ok) throw new PackagedFileMissing(path);
  return (await res.json()) as unknown;
};

/** The panel's one loader: every view shares its cache. */
export const dataset: DatasetLoader = /* @__PURE__ */ createDatasetLoader(readPackagedFile);

/** The general facts file (validated at build time); rejects when it is absent or not the expected shape. */
export async function readGeneral(): Promise<General> {
  const data = (await readPackagedFile(GENERAL_PATH)) as Partial<General> | null;
  if (!data || typeof data !== 'object' || !Array.isArray(data.questions) || typeof data.typicalPrices !== 'object') {
    throw new Error(`${GENERAL_PATH} is not readable`);
  }
  return data as General;
}

let decisionFacts: Promise<FactsLookup> | null = null;

/**
 * The decision facts of every provider (data/decision-facts.json), for the change check: read once per page
 * or worker life, and only when a check or "Mark as seen" needs them; a failed read is forgotten.
 */
export function loadDecisionFacts(): Promise<FactsLookup> {
  decisionFacts ??= readPackagedFile(DECISION_FACTS_PATH).then(factsLookup);
  decisionFacts.catch(() => (decisionFacts = null));
  return decisionFacts;
}
