// Plain text, web addresses and phone numbers from untrusted input: zod-free, so what the panel's start-up
// code needs (the custom-clinic form's phone check, lib/shortlist/input.ts) does not pull in zod with
// lib/extract/parse.ts, which re-exports these.

export const MAX = { name: 200, street: 200, city: 100, state: 50, zip: 10, phone: 30, url: 2000, hours: 100, hoursCount: 14, priceRange: 100, sentence: 300 } as const;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

/**
 * Any value → one line of plain text, at most `max` characters, or null when nothing is left.
 * Markup is removed (script/style with their content), entities decoded, control characters dropped.
 */
export function plainText(v: unknown, max: number): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) v = String(v);
  if (typeof v !== 'string') return null;
  let s = v.length > 20_000 ? v.slice(0, 20_000) : v;
  for (let pass = 0; pass < 2; pass++) {
    // Twice: "&lt;script&gt;" decodes to markup, which is then removed as well.
    s = s
      .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<\/?[a-z!?/][^>]*>?/gi, ' ');
    s = decodeEntities(s);
  }
  s = s
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?[a-z!?/][^>]*>?/gi, ' ')
    // Control and bidi-override characters, zero-width characters.
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (s === '') return null;
  if (s.length > max) s = s.slice(0, max - 1).trimEnd() + '…';
  return s;
}

/** An http(s) URL without user info, resolved against the page; null for anything else. */
export function safeWebUrl(v: unknown, base?: string): string | null {
  if (typeof v !== 'string') return null;
  const raw = v.trim();
  if (raw === '' || raw.length > MAX.url) return null;
  let u: URL;
  try {
    u = base ? new URL(raw, base) : new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.username !== '' || u.password !== '') return null;
  if (!u.hostname.includes('.') && u.hostname !== 'localhost') return null;
  return u.href.length <= MAX.url ? u.href : null;
}

/** A phone number as written, if it looks like one (7–15 digits, only phone punctuation); else null. */
export function phoneText(v: unknown): string | null {
  const s = plainText(v, 60);
  if (s === null) return null;
  const t = s.replace(/^tel:/i, '').trim();
  if (!/^\+?[\d\s().\-/]+(\s*(x|ext\.?)\s*\d{1,6})?$/i.test(t)) return null;
  const digits = t.replace(/(x|ext\.?)\s*\d+$/i, '').replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return null;
  return t.length <= MAX.phone ? t : null;
}

/** The phone number of a tel: href ("tel:+1-303-555-0100"), or null. */
export function phoneFromTelHref(href: string): string | null {
  if (!/^tel:/i.test(href.trim())) return null;
  let s = href.trim().slice(4);
  try {
    s = decodeURIComponent(s);
  } catch {
    return null;
  }
  // Dialling parameters (";ext=12", "?…") are not part of the number as shown.
  s = s.split(/[;?#,]/)[0] ?? '';
  return phoneText(s);
}
