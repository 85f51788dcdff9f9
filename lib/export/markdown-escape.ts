// Escaping for user text placed in Markdown (CommonMark + GFM), so a note or name is shown as typed and
// cannot turn into a link, image, heading, list, table, code, HTML or an entity.
// Not escaped: bare URLs (GFM may auto-link them, but the link shows its own address) and `$` (math in
// some renderers; harmless).

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const NBSP = '\u00A0';

const NEEDS_CLEAN = /[\r\u2028\u2029\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const SPECIAL = /[\\`*_[\]<>|~&]/;
const LINE_START = /^([#=+-]|\d)/;
const LEAD = /^[ \t\u00A0]*/;

/** Control characters removed, line ends normalised to \n. */
function clean(text: string): string {
  return NEEDS_CLEAN.test(text) ? text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(CONTROL, '') : text;
}

function escapeChars(s: string): string {
  return SPECIAL.test(s) ? s.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&') : s;
}

/** Escapes one line, including what is significant only at its start (headings, lists, setext underlines). */
function escapeLine(line: string): string {
  let s = escapeChars(line);
  if (LINE_START.test(s)) s = s.replace(/^([#=+-])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
  if (s.endsWith('#')) s = s.replace(/(^|\s)(#+)$/, (_, space: string, hashes: string) => space + hashes.replace(/#/g, '\\#'));
  return s;
}

/** User text for a single line: a heading, a list item after its label, a table cell, link text. */
export function escapeInline(text: string): string {
  const c = clean(text);
  return escapeLine(/\s\s|[^\S ]|^\s|\s$/.test(c) ? c.replace(/\s+/g, ' ').trim() : c);
}

/**
 * Multi-line user text inside a list item: each line escaped, indented by `indent` so it stays inside the
 * item, leading spaces kept as no-break spaces (so they cannot start a code block), lines joined with hard
 * breaks so the note keeps its shape.
 */
export function escapeBlock(text: string, indent: string): string {
  const lines = clean(text).trimEnd().split('\n');
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) out += '  \n';
    const line = lines[i]!;
    const lead = LEAD.exec(line)![0];
    let body = lead ? line.slice(lead.length) : line;
    body = body.replace(/\t/g, ' ').trimEnd(); // trimEnd, not / +$/: that regex is quadratic on long runs
    if (body) out += indent + (lead && lead.replace(/\t/g, '    ').replace(/ /g, NBSP)) + escapeLine(body);
  }
  return out;
}

/** A link for a http(s) URL with escaped text; anything else is shown as plain escaped text. */
export function mdLink(text: string, url: string): string {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return escapeInline(url);
  const dest = url.replace(/[()<> \\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${escapeInline(text)}](${dest})`;
}
