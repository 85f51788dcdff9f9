// The reader is bounded in time and size, and its output is never trusted by the parser.
import { describe, expect, it } from 'vitest';
import { parseReaderOutput, plainText, safeWebUrl, phoneText } from '../../../lib/extract/parse';
import { READER_LIMITS, readPage, type ReaderOutput } from '../../../lib/extract/reader';
import { extract, read, READ_AT, withDocument } from './read-page';

const page = (head: string, body = '') => `<!doctype html><html><head><title>T</title>${head}</head><body>${body}</body></html>`;
const block = (i: number) => `<script type="application/ld+json">{"@type":"MedicalClinic","name":"Clinic ${i}","telephone":"303-555-${String(i % 10000).padStart(4, '0')}"}</script>`;

describe('reader: one self-contained function', () => {
  it('references nothing outside itself (it is rebuilt from its source text, as executeScript does)', () => {
    const src = readPage.toString();
    expect(src).not.toMatch(/\bimport\b|__vite|__vi_|require\(|READER_LIMITS|browser\.|chrome\./);
    const out = withDocument(page(''), 'https://a.example/', (doc) => new Function('doc', `return (${src})(doc, 30000);`)(doc) as ReaderOutput);
    expect(out).toMatchObject({ version: 1, href: 'https://a.example/', hostname: 'a.example', title: 'T' });
  });

  it('returns only structured-clonable plain data', () => {
    const out = read(page(block(1), '<p>An infusion is $400.</p><a href="tel:3035550100">x</a>'), 'https://a.example/');
    expect(structuredClone(out)).toEqual(out);
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });
});

describe('reader: size limits', () => {
  it('10,000 JSON-LD blocks: reads the first 50 and says the page was only partly read', () => {
    const html = page(Array.from({ length: 10_000 }, (_, i) => block(i)).join(''));
    const out = read(html, 'https://many.example/');
    expect(out.jsonLd).toHaveLength(READER_LIMITS.jsonLdBlocks);
    expect(out.truncated.jsonLd).toBe(true);
    const r = parseReaderOutput(out, READ_AT);
    expect(r.ok && r.extraction.candidates.length).toBe(50);
    expect(r.ok && r.extraction.partial).toBe(true);
  });

  it('a JSON-LD block over 100 KB is skipped, not cut', () => {
    const huge = `<script type="application/ld+json">{"@type":"MedicalClinic","name":"Huge","description":"${'x'.repeat(120_000)}"}</script>`;
    const out = read(page(huge + block(2)), 'https://huge.example/');
    expect(out.jsonLd).toHaveLength(1);
    expect(out.jsonLd[0]).toContain('Clinic 2');
    expect(out.truncated.jsonLd).toBe(true);
  });

  it('microdata: at most 20 items of at most 100 properties, values at most 1000 characters', () => {
    const item = `<div itemscope itemtype="https://schema.org/MedicalClinic">${'<span itemprop="name">N</span>'.repeat(150)}<span itemprop="description">${'y'.repeat(5000)}</span></div>`;
    const long = `<div itemscope itemtype="https://schema.org/MedicalClinic"><span itemprop="name">${'z'.repeat(5000)}</span></div>`;
    const out = read(page('', long + item.repeat(30)), 'https://md.example/');
    expect(out.microdata).toHaveLength(READER_LIMITS.microdataItems);
    expect(out.microdata[1]!.props).toHaveLength(READER_LIMITS.microdataProps);
    expect(out.microdata[0]!.props[0]![1]).toHaveLength(READER_LIMITS.microdataValue);
    expect(out.truncated.microdata).toBe(true);
    const r = parseReaderOutput(out, READ_AT);
    expect(r.ok && r.extraction.clinic.name!.value.length).toBeLessThanOrEqual(200);
  });

  it('a 5 MB page: reads the first 200 KB of text, at most 50 snippets of at most 400 characters', () => {
    const para = `<p>${'Lorem ipsum dolor sit amet. '.repeat(30)}One infusion is $450. ${'Consectetur adipiscing elit. '.repeat(5)}</p>`;
    const count = Math.ceil((5 * 1024 * 1024) / para.length);
    const longLine = `<p>${'A session is $300 here. '.repeat(2000)}</p>`;
    const out = read(page('', longLine + para.repeat(count)), 'https://big.example/');
    expect(out.snippets.length).toBeLessThanOrEqual(READER_LIMITS.snippets);
    expect(out.snippets.every((s) => s.length <= READER_LIMITS.snippetChars)).toBe(true);
    expect(out.truncated.text).toBe(true);
    expect(JSON.stringify(out).length).toBeLessThan(100_000);
    const r = parseReaderOutput(out, READ_AT);
    expect(r.ok && r.extraction.prices.length).toBeGreaterThan(0);
    expect(r.ok && r.extraction.prices.length).toBeLessThanOrEqual(30);
  }, 120_000);

  it('tel: links: at most 20, each at most 100 characters', () => {
    const links = Array.from({ length: 40 }, (_, i) => `<a href="tel:303555${String(i).padStart(4, '0')}${'9'.repeat(i === 0 ? 500 : 0)}">x</a>`).join('');
    const out = read(page('', links), 'https://tel.example/');
    expect(out.telLinks).toHaveLength(READER_LIMITS.telLinks);
    expect(out.telLinks.every((t) => t.length <= READER_LIMITS.telChars)).toBe(true);
  });
});

describe('reader: time limit', () => {
  // A clock that advances 150 ms at every reading, as on a page that keeps the main thread busy:
  // the reader must notice and stop on its own.
  const slowClock = () => {
    let t = 0;
    return { now: () => (t += 150) };
  };
  const runWithClock = (html: string, clock: { now(): number }) =>
    withDocument(html, 'https://slow.example/', (doc) =>
      new Function('performance', 'doc', `return (${readPage.toString()})(doc);`)(clock, doc) as ReaderOutput,
    );

  it('stops after 200 ms of work and says so; what it returns is still valid', () => {
    const html = page(Array.from({ length: 2000 }, (_, i) => block(i)).join(''), '<p>An infusion is $400.</p>'.repeat(5000));
    const out = runWithClock(html, slowClock());
    expect(out.truncated.time).toBe(true);
    // It read some blocks, then did no more work: no microdata, no text scan.
    expect(out.jsonLd.length).toBeGreaterThan(0);
    expect(out.jsonLd.length).toBeLessThan(50);
    expect(out.snippets).toEqual([]);
    expect(out.microdata).toEqual([]);
    expect(parseReaderOutput(out, READ_AT).ok).toBe(true);
  });

  it('with a normal clock and a small page it finishes without hitting the limit', () => {
    const out = read(page(block(1), '<p>An infusion is $400.</p>'), 'https://fast.example/');
    expect(out.truncated).toEqual({ time: false, jsonLd: false, microdata: false, text: false });
  });
});

describe('parse: the reader output is not trusted', () => {
  const good = (): ReaderOutput => read(page(block(1)), 'https://ok.example/');

  it.each([
    ['not an object', 'hello'],
    ['null', null],
    ['a wrong version', { ...good(), version: 2 }],
    ['a missing field', (({ snippets: _, ...rest }) => rest)(good())],
    ['a number where text belongs', { ...good(), title: 5 }],
    ['too many JSON-LD blocks', { ...good(), jsonLd: Array(51).fill('{}') }],
    ['an over-long block', { ...good(), jsonLd: ['x'.repeat(100_001)] }],
    ['too many snippets', { ...good(), snippets: Array(51).fill('$1 infusion') }],
    ['an over-long href', { ...good(), href: `https://a.example/${'a'.repeat(3000)}` }],
    ['a malformed microdata item', { ...good(), microdata: [{ type: 'x', props: [['a']] }] }],
  ])('refuses %s', (_, input) => {
    expect(parseReaderOutput(input, READ_AT)).toEqual({ ok: false, reason: 'invalid' });
  });

  it.each(['chrome://settings/', 'about:blank', 'file:///etc/passwd', 'data:text/html,x', 'javascript:alert(1)', 'https://user:pw@a.example/'])(
    'refuses a page that is not a web page: %s',
    (href) => {
      expect(parseReaderOutput({ ...good(), href }, READ_AT)).toEqual({ ok: false, reason: 'not-web-page' });
    },
  );

  it('ignores extra properties the page may have added', () => {
    const r = parseReaderOutput({ ...good(), extra: '<script>', __proto__: { polluted: true } }, READ_AT);
    expect(r.ok).toBe(true);
    expect(JSON.stringify(r)).not.toMatch(/<script>|polluted/);
  });
});

describe('parse: plain values', () => {
  it.each([
    ['  Calm   Clinic\n', 'Calm Clinic'],
    ['<b>Bold</b> &amp; <i>co</i>', 'Bold & co'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;Name', 'Name'],
    ['<style>p{}</style>Name', 'Name'],
    ['\u202eemaN\u0007', 'emaN'],
    ['&#x3C;img src=x onerror=alert(1)&#x3E;Ok', 'Ok'],
    ['1 < 2 > 0', '1 < 2 > 0'],
    ['', null],
    ['   ', null],
  ])('plainText(%j) = %j', (input, expected) => {
    expect(plainText(input, 200)).toBe(expected);
  });

  it('plainText caps the length and takes only strings and numbers', () => {
    expect(plainText('a'.repeat(500), 200)).toHaveLength(200);
    expect(plainText({ toString: () => 'x' }, 10)).toBeNull();
    expect(plainText(['x'], 10)).toBeNull();
    expect(plainText(12, 10)).toBe('12');
  });

  it.each([
    ['https://a.example/x', 'https://a.example/x'],
    ['HTTP://A.EXAMPLE', 'http://a.example/'],
    ['javascript:alert(1)', null],
    [' jAvAsCrIpT:alert(1)', null],
    ['data:text/html,<b>', null],
    ['https://user:pw@a.example/', null],
    ['https://user@a.example/', null],
    ['ftp://a.example/', null],
    ['vbscript:x', null],
    ['https://intranet/', null],
  ])('safeWebUrl(%j) = %j', (input, expected) => {
    expect(safeWebUrl(input)).toBe(expected);
  });

  it.each([
    ['(303) 555-0100', '(303) 555-0100'],
    ['+1 303.555.0100 ext. 12', '+1 303.555.0100 ext. 12'],
    ['call us', null],
    ['555', null],
    ['1234567890123456789', null],
    ['303-555-0100; DROP TABLE', null],
    ['303-555-0100<script>x</script>', '303-555-0100'],
  ])('phoneText(%j) = %j', (input, expected) => {
    expect(phoneText(input)).toBe(expected);
  });

  it('a page with only prices of other things yields no price mentions', () => {
    const e = extract(page('', '<p>Shipping is $5.</p><p>Gift cards $50.</p>'), 'https://shop.example/');
    expect(e.prices).toEqual([]);
  });
});
