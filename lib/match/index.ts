// Site matching: recognise provider websites by the visited URL. Pure (no browser APIs), see matcher.ts.
export { createMatcher, type Matcher, type MatchEntry, type MatchResult } from './matcher';
export {
  canonicalizeUrl,
  decodePath,
  isMatchableHost,
  parseHttpUrl,
  stripTrailingDot,
  MAX_HOST_LENGTH,
  type CanonicalUrl,
} from './canonical';
