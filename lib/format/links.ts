import type { Provider } from '../dataset/schema';

/** Preact escapes text but not href: only these schemes may reach an <a href>. */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return ['http:', 'https:', 'tel:', 'mailto:'].includes(u.protocol) ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** "www.example.com/path" → "example.com", for compact source labels. */
export function siteName(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

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
