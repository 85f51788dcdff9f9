import type { Provider } from '../dataset/schema';
import type { ShortlistItem } from '../shortlist/schema';

/**
 * True when `url` carries a user name or password (`https://mindbloom.com@evil.example/` goes to
 * evil.example while reading like mindbloom.com). Such addresses are refused everywhere: links, exports,
 * imports. Unparseable input counts as false (callers refuse it for that reason anyway).
 */
export function hasUserinfo(url: string): boolean {
  try {
    const u = new URL(url);
    return u.username !== '' || u.password !== '';
  } catch {
    return false;
  }
}

/**
 * Preact escapes text but not href: only these schemes may reach an <a href>, and never with a user
 * name or password in the address.
 */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (u.username !== '' || u.password !== '') return undefined;
    return ['http:', 'https:', 'tel:', 'mailto:'].includes(u.protocol) ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** An http(s) address fit to show and link (no user name or password), else null. */
export function cleanWebsite(url: string | null | undefined): string | null {
  const href = safeHref(url);
  return href !== undefined && /^https?:$/.test(new URL(href).protocol) ? url! : null;
}

/** A dataset provider's own website: its first matched domain, else the origin of its first own source. */
export function datasetWebsite(p: Pick<Provider, 'match' | 'sources'>): string | null {
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

/**
 * The website to show for a shortlist item. For a provider in the dataset it comes from the dataset
 * only: the item's snapshot (which an imported file can set to anything) never overrides it. The user's
 * own entry shows its own address; a provider that left the dataset shows the saved snapshot. Addresses
 * with a user name or password are never returned.
 */
export function itemWebsite(
  item: Pick<ShortlistItem, 'custom' | 'snapshot'>,
  provider: Pick<Provider, 'match' | 'sources'> | undefined,
): string | null {
  if (item.custom) return cleanWebsite(item.custom.website ?? item.snapshot?.website);
  if (provider) return datasetWebsite(provider);
  return cleanWebsite(item.snapshot?.website);
}

/** "www.example.com/path" → "example.com", for compact source labels. */
export function siteName(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
