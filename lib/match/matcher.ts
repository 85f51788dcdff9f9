// Site matching: which provider (if any) a visited URL belongs to. Pure and dependency-free.
//
// Index: one Map from hostname to a node holding whatever rules name that exact hostname (exact host,
// domain, path rules, mirror, look-alike). Every suffix of every rule hostname is also present (as a shared
// empty node), so matching walks the URL's host right to left one label at a time ("com", "mindbloom.com",
// "www.mindbloom.com") and stops at the first suffix that is not in the map: a miss usually costs two
// lookups, and a 120-label host costs no more than the deepest rule. No scan over rules anywhere.
//
// Precedence (most specific first): exact host > path rule (on that exact host) > longest domain suffix
// > look-alike (longest) > none. Mirrors are never matched: a mirror hostname (and its subdomains) cancels a
// shorter domain suffix, so "staging.mindbloom.com" listed as a mirror gives none even under "mindbloom.com".
// When two entries claim the same hostname (the dataset checks forbid it), the first entry wins.
//
// Path rules compare case-SENSITIVELY on the percent-decoded path. URL paths are case-sensitive (RFC 3986)
// and on a shared host the path is the only thing separating tenants: if "/NueLife" could belong to someone
// else, matching it would vouch for a page the provider does not control. Being strict can only miss a
// recognition (the tab shows nothing), never show the wrong provider. The same reasoning makes path rules
// refuse paths with encoded separators (see decodePath) and apply only on their own host and its "www."
// twin: a rule for "muschealth.org" also holds on "www.muschealth.org" (and one for "www.H" on "H"), as
// sites commonly serve both, but only while nothing else claims the twin. Any rule naming the twin itself (exact host,
// path rules, domain, mirror, look-alike), a domain or look-alike covering it, a mirror above it, or an exact
// host on the rule's own host (under which its path rules never apply) keeps the twin out.
//
// Only http(s) URLs are matched. blob: URLs never match, even "blob:https://mindbloom.com/…": the document is
// whatever bytes a script handed to URL.createObjectURL, not a page the provider serves at that address, and
// the browser does not report it as an http(s) navigation; view-source:, data:, file: etc. likewise.
import type { Provider } from '../dataset/schema';
import { decodePath, isMatchableHost, parseHttpUrl, stripTrailingDot } from './canonical';

/** Only what matching reads, so the background can bundle a slim copy of each record. */
export interface MatchEntry {
  id: Provider['id'];
  match: Provider['match'];
  lookalikes: ReadonlyArray<Pick<Provider['lookalikes'][number], 'host'>>;
}

export type MatchResult =
  | { kind: 'provider'; providerId: string; host: string; rule: { kind: 'domain' | 'host' | 'path'; value: string } }
  | { kind: 'lookalike'; /** The provider this site is NOT. */ providerId: string; host: string; lookalikeHost: string }
  | { kind: 'none'; /** null when the URL is not http(s) or does not parse. */ host: string | null };

export interface Matcher {
  /** Never throws, for any string. The result is a fresh plain object (JSON-serialisable). */
  match(url: string): MatchResult;
}

interface PathRuleRef {
  providerId: string;
  /** "host/prefix" as written in the data, reported as the rule's value. */
  value: string;
}

interface PathIndex {
  /** Normalised prefix (decoded, no trailing "/" except the root "/") to rule. */
  byPrefix: Map<string, PathRuleRef>;
  /** Most segments in any prefix of this host: how far along the path we ever need to look. */
  maxSegments: number;
}

/** All rule kinds for one hostname. A class so every node has the same shape (monomorphic lookups). */
class HostNode {
  exact: string | null = null;
  domain: string | null = null;
  lookalike: string | null = null;
  mirror = false;
  paths: PathIndex | null = null;
}

/** Shared placeholder for suffixes that only exist so the walk can continue ("com", "co.uk"). */
const PASS_THROUGH = new HostNode();

const WWW = 'www.';

/** "www.H" for "H" and "H" for "www.H". */
const wwwTwin = (host: string) => (host.startsWith(WWW) ? host.slice(WWW.length) : WWW + host);

const PLAIN_HOST = /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/;

/** Rule hostnames from the data, in the same canonical form as URL hosts; null if unusable. */
function ruleHost(raw: string): string | null {
  if (typeof raw !== 'string') return null;
  let host = stripTrailingDot(raw.trim().toLowerCase());
  if (!PLAIN_HOST.test(host)) {
    // Not plain ASCII (e.g. an IDN written in Unicode): let the URL parser canonicalise it, refusing anything
    // that is more than a hostname.
    if (/[/\\@:?#\s%]/.test(host)) return null;
    const url = parseHttpUrl(`http://${host}/`);
    if (!url) return null;
    host = stripTrailingDot(url.hostname);
  }
  return isMatchableHost(host) ? host : null;
}

function normalisePrefix(raw: string): string | null {
  if (typeof raw !== 'string' || raw.charCodeAt(0) !== 47 /* / */) return null;
  const decoded = decodePath(raw);
  if (decoded === null) return null;
  let end = decoded.length;
  while (end > 1 && decoded.charCodeAt(end - 1) === 47) end--;
  return decoded.slice(0, end);
}

function countSegments(prefix: string): number {
  if (prefix === '/') return 0;
  let n = 0;
  for (let i = 0; i < prefix.length; i++) if (prefix.charCodeAt(i) === 47) n++;
  return n;
}

/**
 * Longest path rule of `index` that `path` (decoded) is under, at a segment boundary: prefix "/nuelife"
 * covers "/nuelife", "/nuelife/" and "/nuelife/x" but not "/nuelifex". Looks up at most `maxSegments + 1`
 * candidate prefixes of the path, whatever its length or the number of rules on the host.
 */
function matchPath(index: PathIndex, path: string): PathRuleRef | null {
  let best = index.byPrefix.get('/') ?? null;
  let from = 1;
  for (let seg = 0; seg < index.maxSegments; seg++) {
    const slash = path.indexOf('/', from);
    const end = slash === -1 ? path.length : slash;
    const hit = index.byPrefix.get(path.slice(0, end));
    if (hit) best = hit;
    if (slash === -1) break;
    from = slash + 1;
  }
  return best;
}

export function createMatcher(entries: readonly MatchEntry[]): Matcher {
  const nodes = new Map<string, HostNode>();

  const nodeFor = (host: string): HostNode => {
    let node = nodes.get(host);
    if (node && node !== PASS_THROUGH) return node;
    node = new HostNode();
    nodes.set(host, node);
    // Make every parent suffix reachable; stop at the first one already present (its parents are too).
    for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) {
      const parent = host.slice(dot + 1);
      if (nodes.has(parent)) break;
      nodes.set(parent, PASS_THROUGH);
    }
    return node;
  };

  for (const entry of entries ?? []) {
    const id = entry?.id;
    if (typeof id !== 'string') continue;
    const m = entry.match;
    for (const raw of m?.hosts ?? []) {
      const host = ruleHost(raw);
      if (host) {
        const node = nodeFor(host);
        node.exact ??= id;
      }
    }
    for (const raw of m?.domains ?? []) {
      const host = ruleHost(raw);
      if (host) {
        const node = nodeFor(host);
        node.domain ??= id;
      }
    }
    for (const rule of m?.paths ?? []) {
      const host = ruleHost(rule?.host);
      const prefix = normalisePrefix(rule?.prefix);
      if (!host || prefix === null) continue;
      const node = nodeFor(host);
      const index = (node.paths ??= { byPrefix: new Map(), maxSegments: 0 });
      if (!index.byPrefix.has(prefix)) {
        index.byPrefix.set(prefix, { providerId: id, value: `${host}${rule.prefix}` });
        index.maxSegments = Math.max(index.maxSegments, countSegments(prefix));
      }
    }
    for (const raw of m?.mirrors ?? []) {
      const host = ruleHost(raw);
      if (host) nodeFor(host).mirror = true;
    }
    for (const l of entry.lookalikes ?? []) {
      const host = ruleHost(l?.host);
      if (host) {
        const node = nodeFor(host);
        node.lookalike ??= id;
      }
    }
  }

  // Path rules that also hold on their host's www. twin, keyed by the twin: only twins no rule names (at most
  // a pass-through suffix of some other rule host) and rule hosts whose paths apply (no exact-host claim).
  // Claims covering the twin from above (domains, look-alikes, mirrors) are checked when matching.
  const twinPaths = new Map<string, PathIndex>();
  for (const [host, node] of nodes) {
    if (node === PASS_THROUGH || node.paths === null || node.exact !== null) continue;
    const twin = wwwTwin(host);
    if (!isMatchableHost(twin)) continue;
    const twinNode = nodes.get(twin);
    if (twinNode === undefined || twinNode === PASS_THROUGH) twinPaths.set(twin, node.paths);
  }

  function matchUrl(input: string): MatchResult {
    const url = parseHttpUrl(input);
    if (!url) return { kind: 'none', host: null };
    const host = stripTrailingDot(url.hostname);
    if (!isMatchableHost(host)) return { kind: 'none', host };

    // Walk suffixes right to left; longer suffixes overwrite shorter ones.
    let domainId: string | null = null;
    let domainKey = '';
    let lookalikeId: string | null = null;
    let lookalikeKey = '';
    let mirrored = false;
    let full: HostNode | null = null;
    /** The walk reached the URL's whole host (as a pass-through suffix, or as the first label not indexed). */
    let reachedHost = false;
    let end = host.length;
    for (;;) {
      const dot = host.lastIndexOf('.', end - 1);
      const key = dot === -1 ? host : host.slice(dot + 1);
      const node = nodes.get(key);
      if (node === undefined) {
        reachedHost = dot === -1;
        break;
      }
      if (node !== PASS_THROUGH) {
        if (node.domain !== null) {
          domainId = node.domain;
          domainKey = key;
        }
        if (node.mirror) {
          domainId = null;
          mirrored = true;
        }
        if (node.lookalike !== null) {
          lookalikeId = node.lookalike;
          lookalikeKey = key;
        }
      }
      if (dot === -1) {
        full = node;
        reachedHost = true;
        break;
      }
      end = dot; // isMatchableHost ruled out empty labels, so dot > 0 here.
    }

    if (full !== null && full !== PASS_THROUGH) {
      if (full.exact !== null) return { kind: 'provider', providerId: full.exact, host, rule: { kind: 'host', value: host } };
      if (full.paths !== null) {
        const path = decodePath(url.pathname);
        const hit = path === null ? null : matchPath(full.paths, path);
        if (hit) return { kind: 'provider', providerId: hit.providerId, host, rule: { kind: 'path', value: hit.value } };
      }
    }
    // The www. twin of a path rule's host: only a host no rule names (not indexed, or a pass-through suffix)
    // and nothing covers from above. A miss on an unindexed host pays this lookup only for a "www." host whose
    // parent suffix is indexed.
    if (
      reachedHost &&
      (full === null ? host.startsWith(WWW) : full === PASS_THROUGH) &&
      domainId === null &&
      lookalikeId === null &&
      !mirrored &&
      twinPaths.size > 0
    ) {
      const paths = twinPaths.get(host);
      if (paths !== undefined) {
        const path = decodePath(url.pathname);
        const hit = path === null ? null : matchPath(paths, path);
        if (hit) return { kind: 'provider', providerId: hit.providerId, host, rule: { kind: 'path', value: hit.value } };
      }
    }
    if (domainId !== null) return { kind: 'provider', providerId: domainId, host, rule: { kind: 'domain', value: domainKey } };
    if (lookalikeId !== null) return { kind: 'lookalike', providerId: lookalikeId, host, lookalikeHost: lookalikeKey };
    return { kind: 'none', host };
  }

  return {
    match(url: string): MatchResult {
      try {
        return matchUrl(url);
      } catch {
        return { kind: 'none', host: null }; // Not reachable in practice; the contract is "never throws".
      }
    },
  };
}
