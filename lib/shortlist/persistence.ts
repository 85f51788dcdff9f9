/**
 * Asks the browser to keep this extension's storage under pressure instead of evicting it
 * (navigator.storage.persist()). Never throws; resolves true when storage is (now) persistent,
 * false when refused or unsupported. Call it from a user gesture (e.g. the first "add to shortlist"):
 * browsers that prompt or use heuristics are more likely to grant it then.
 */
export async function requestPersistence(): Promise<boolean> {
  try {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!storage || typeof storage.persist !== 'function') return false;
    if (typeof storage.persisted === 'function' && (await storage.persisted()) === true) return true;
    return (await storage.persist()) === true;
  } catch {
    return false;
  }
}
