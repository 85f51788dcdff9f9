/**
 * Same keys holding the same values (===): how memoised rows decide a re-render is needed. Not
 * preact/compat's memo: importing compat would switch every onChange in the panel to input events.
 */
export function shallowEqual(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key in y) if (x[key] !== y[key]) return false;
  for (const key in x) if (!(key in y)) return false;
  return true;
}
