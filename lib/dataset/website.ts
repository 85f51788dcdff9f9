// A dataset provider's own website, for the shortlist snapshot (ShortlistAdd via ProviderActions).
import type { Provider } from './schema';

/** The provider's own website for the shortlist snapshot: its first matched domain, else its first own source. */
export function providerWebsite(p: Provider): string | null {
  const host = p.match.domains[0] ?? p.match.hosts[0];
  if (host) return `https://${host}/`;
  const own = p.sources.find((s) => !s.thirdParty)?.url;
  if (!own) return null;
  try {
    return new URL(own).origin + '/';
  } catch {
    return null;
  }
}
