// URL canonicalisation for site matching. Pure: only the platform WHATWG `URL` parser, the same one the
// browser uses to decide where a tab actually is, so "what we match" and "where the user is" cannot disagree
// (userinfo tricks, backslashes, percent-encoded or full-width host characters, numeric IPv4 forms...).

/** What matching keeps of an http(s) URL. */
export interface CanonicalUrl {
  /**
   * Lowercase ASCII host (IDN in punycode, as the URL parser gives it) with one trailing dot removed.
   * IPv6 hosts keep their brackets, e.g. "[::1]". Port, userinfo, query and fragment are gone.
   */
  host: string;
  /** The path as the URL parser serialises it (still percent-encoded); see `decodePath`. */
  pathname: string;
}

/** Longest host DNS can resolve (RFC 1035: 253 characters without the trailing dot). */
export const MAX_HOST_LENGTH = 253;

const COLON = 58;
const DOT = 46;

/**
 * Cheap look at the scheme without parsing: 1 = http(s), 0 = certainly another scheme, -1 = let the parser
 * decide (leading spaces, tabs or newlines inside the scheme, no scheme at all). Only ever answers 0 when
 * the string starts with a complete `scheme:` the parser would read the same way, so a 2 MB `data:` URL
 * costs a few character reads instead of a full parse.
 */
function schemeHint(s: string): 1 | 0 | -1 {
  const n = s.length < 40 ? s.length : 40;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === COLON) {
      if (i === 4 || i === 5) {
        // Compare lowercased (| 0x20) against "https" / "http".
        const h = s.charCodeAt(0) | 0x20, t1 = s.charCodeAt(1) | 0x20, t2 = s.charCodeAt(2) | 0x20, p = s.charCodeAt(3) | 0x20;
        if (h === 104 && t1 === 116 && t2 === 116 && p === 112 && (i === 4 || (s.charCodeAt(4) | 0x20) === 115)) return 1;
      }
      return i === 0 ? -1 : 0;
    }
    const lower = c | 0x20;
    const alpha = lower >= 97 && lower <= 122;
    if (i === 0 ? !alpha : !(alpha || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === DOT)) return -1;
  }
  return -1;
}

/** The parsed URL when it is http or https, else null. Never throws. */
export function parseHttpUrl(input: string): URL | null {
  if (typeof input !== 'string') return null;
  if (schemeHint(input) === 0) return null;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  const p = url.protocol;
  return p === 'https:' || p === 'http:' ? url : null;
}

/** Strips one trailing dot ("example.com." is the same host as "example.com"; "example.com.." is not). */
export function stripTrailingDot(host: string): string {
  return host.length > 1 && host.charCodeAt(host.length - 1) === DOT ? host.slice(0, -1) : host;
}

/**
 * Canonical form of a URL for matching, or null when it is not an http(s) URL or does not parse.
 * `view-source:`, `blob:`, `data:`, `file:`, `about:`, `chrome:`, `moz-extension:`, `javascript:`... all give null.
 * Never throws.
 */
export function canonicalizeUrl(input: string): CanonicalUrl | null {
  const url = parseHttpUrl(input);
  if (!url) return null;
  return { host: stripTrailingDot(url.hostname), pathname: url.pathname };
}

const IPV4 = /^\d+\.\d+\.\d+\.\d+$/;

/**
 * Whether a canonical host may match anything: a DNS name of at least two non-empty labels, at most 253
 * characters. IPv4 (the parser turns every numeric form into dotted decimal), IPv6 ("[...]"), localhost and
 * other single-label hosts, empty labels (".a.com", "a..com", "a.com.." before stripping one dot) never match.
 */
export function isMatchableHost(host: string): boolean {
  const n = host.length;
  if (n < 3 || n > MAX_HOST_LENGTH) return false;
  const first = host.charCodeAt(0);
  const last = host.charCodeAt(n - 1);
  if (first === 91 /* [ */ || first === DOT || last === DOT) return false;
  if (host.indexOf('.') === -1 || host.indexOf('..') !== -1) return false;
  // WHATWG: a host whose last label is numeric is IPv4 or fails to parse; check anyway for hosts from elsewhere.
  if (last >= 48 && last <= 57 && IPV4.test(host)) return false;
  return true;
}

const ENCODED_SEPARATOR = /%(2f|5c)/i;
const PERCENT_RUN = /(?:%[0-9a-fA-F]{2})+/g;

function decodeRun(run: string): string {
  try {
    return decodeURIComponent(run);
  } catch {
    return run; // Not valid UTF-8: leave those bytes encoded rather than guess.
  }
}

/**
 * The percent-decoded path used by path rules, or null when the path is ambiguous and path rules must not
 * apply: an encoded "/" or "\" (%2F, %5C) would let "/nuelife/..%2Fother" look like it is under "/nuelife"
 * to us while a server that decodes and normalises it serves "/other". (Plain and %2e dot segments are already
 * resolved by the URL parser.) Invalid UTF-8 sequences are left encoded. Never throws.
 */
export function decodePath(pathname: string): string | null {
  if (pathname.indexOf('%') === -1) return pathname;
  if (ENCODED_SEPARATOR.test(pathname)) return null;
  return pathname.replace(PERCENT_RUN, decodeRun);
}
