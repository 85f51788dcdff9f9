// @vitest-environment node
// The matcher is pure; run it on the platform WHATWG URL parser (as in the extension), not happy-dom's.
import { describe, expect, it } from 'vitest';
import { createMatcher, type MatchEntry, type MatchResult } from '../../../lib/match';

const entry = (id: string, m: Partial<MatchEntry['match']>, lookalikes: string[] = []): MatchEntry => ({
  id,
  match: { domains: [], hosts: [], paths: [], mirrors: [], ...m },
  lookalikes: lookalikes.map((host) => ({ host, name: null, reason: 'not this provider', sources: [] })),
});

/** Cyrillic "і" (U+0456) in place of "i": listed below as a look-alike in its punycode form. */
const CYRILLIC_I = 'https://m\u0456ndbloom.com/';
const CYRILLIC_I_PUNY = 'xn--mndbloom-thh.com';

const fixture: MatchEntry[] = [
  entry(
    'mindbloom',
    { domains: ['mindbloom.com'], mirrors: ['staging.mindbloom.com', 'mindbloom.webflow.io'] },
    ['m1ndbloom.com', 'mindbloomketamine.com', CYRILLIC_I_PUNY],
  ),
  entry('nue-life', { domains: ['nue.life'], paths: [{ host: 'intercom.help', prefix: '/nuelife' }] }),
  entry('other-help', { paths: [{ host: 'intercom.help', prefix: '/other-clinic/' }, { host: 'help.example.org', prefix: '/caf\u00e9' }] }),
  entry('deep-help', { paths: [{ host: 'intercom.help', prefix: '/nuelife/partners' }] }),
  entry('exact-only', { hosts: ['book.example.org', 'portal.sharedclinic.com'] }),
  entry('shared', { domains: ['sharedclinic.com'] }),
  entry('shared-east', { domains: ['east.sharedclinic.com'] }),
  entry('platform', { domains: ['platform.example'], hosts: ['pages.platform.example'] }),
  entry('on-platform', { paths: [{ host: 'platform.example', prefix: '/acme' }, { host: 'pages.platform.example', prefix: '/acme' }] }),
  entry('warner', { domains: ['real-clinic.com'] }, ['fake.net', 'shop.real-clinic.com', 'deep.fake.net']),
  entry('under-lookalike', { domains: ['legit.fake.net'] }),
  // Later claims of already-claimed hosts lose (the dataset checks forbid them anyway).
  entry('late-claimer', { domains: ['mindbloom.com'], hosts: ['book.example.org'] }),
];

const matcher = createMatcher(fixture);
const m = (url: string) => matcher.match(url);

type Expect = [url: string, kind: MatchResult['kind'], providerId?: string];

function check(cases: Expect[]) {
  it.each(cases)('%s → %s %s', (url, kind, providerId) => {
    const r = m(url);
    expect(r.kind).toBe(kind);
    if (r.kind !== 'none') expect(r.providerId).toBe(providerId);
  });
}

describe('matches the provider whatever the URL spelling', () => {
  check([
    ['https://mindbloom.com/', 'provider', 'mindbloom'],
    ['https://mindbloom.com', 'provider', 'mindbloom'],
    ['http://mindbloom.com/', 'provider', 'mindbloom'],
    ['HTTPS://MINDBLOOM.COM/', 'provider', 'mindbloom'],
    ['https://MindBloom.Com/Pricing?x=1#y', 'provider', 'mindbloom'],
    ['https://mindbloom.com./', 'provider', 'mindbloom'],
    ['https://www.mindbloom.com./', 'provider', 'mindbloom'],
    ['https://mindbloom.com:443/', 'provider', 'mindbloom'],
    ['https://mindbloom.com:8443/x', 'provider', 'mindbloom'],
    ['http://mindbloom.com:80/', 'provider', 'mindbloom'],
    ['http://mindbloom.com:0443/', 'provider', 'mindbloom'],
    ['https://www.mindbloom.com/', 'provider', 'mindbloom'],
    ['https://a.b.c.mindbloom.com/x/y', 'provider', 'mindbloom'],
    ['https://user:pass@mindbloom.com/', 'provider', 'mindbloom'],
    ['  https://mindbloom.com/  ', 'provider', 'mindbloom'],
    ['ht\ttps://mindbl\noom.com/', 'provider', 'mindbloom'],
    ['\u0000\u001f https://mindbloom.com/', 'provider', 'mindbloom'], // leading C0 controls are stripped
    ['https:mindbloom.com', 'provider', 'mindbloom'],
    // Full-width letters and ideographic / full-width full stops: the parser maps them to ASCII.
    ['https://\uff4d\uff49\uff4e\uff44\uff42\uff4c\uff4f\uff4f\uff4d\uff0e\uff43\uff4f\uff4d/', 'provider', 'mindbloom'],
    ['https://\uff2d\uff29\uff2e\uff24\uff22\uff2c\uff2f\uff2f\uff2d.com/', 'provider', 'mindbloom'],
    ['https://mindbloom\u3002com/', 'provider', 'mindbloom'],
    // Invisible code points IDNA removes: the browser goes to mindbloom.com, so do we.
    ['https://mind\u00adbloom.com/', 'provider', 'mindbloom'],
    ['https://mindbloom%2ecom/', 'provider', 'mindbloom'],
    // Backslash is a path separator for http(s): this is mindbloom.com with path "/@evil.net".
    ['https://mindbloom.com\\@evil.net/', 'provider', 'mindbloom'],
    // A long path or query on the real site is still the real site.
    [`https://mindbloom.com/${'a'.repeat(100_000)}?q=${'b'.repeat(1000)}`, 'provider', 'mindbloom'],
    // 120 labels, 253 characters: a valid DNS name under mindbloom.com.
    [`https://${'a.'.repeat(119)}mindbloom.com/`, 'provider', 'mindbloom'],
    ['https://nue.life/', 'provider', 'nue-life'],
    ['https://book.example.org/', 'provider', 'exact-only'],
    ['https://BOOK.example.org.:8080/?x', 'provider', 'exact-only'],
  ]);
});

describe('does not match other sites that mention the provider', () => {
  check([
    ['https://mindbloom.com@evil.net/', 'none'],
    ['https://mindbloom.com:443@evil.net/', 'none'],
    ['https://www.mindbloom.com:pw@evil.net/mindbloom.com', 'none'],
    ['https://evil.net/mindbloom.com', 'none'],
    ['https://evil.net/https://mindbloom.com/', 'none'],
    ['https://evil.net/?u=https://mindbloom.com/', 'none'],
    ['https://evil.net/?@mindbloom.com', 'none'],
    ['https://evil.net#@mindbloom.com', 'none'],
    ['https://evil.net/#https://mindbloom.com', 'none'],
    ['https://mindbloom.com.evil.net/', 'none'],
    ['https://mindbloom.com%2eevil.net/', 'none'],
    ['https://www.mindbloom.com.evil.net./', 'none'],
    ['https://evilmindbloom.com/', 'none'],
    ['https://mindbloom-com.net/', 'none'],
    ['https://mindbloomcom/', 'none'],
    ['https://mindbloom.net/', 'none'],
    ['https://mindbloom.co/', 'none'],
    ['https://mindbloom.com.au/', 'none'],
    ['https://mindbloom.co.m/', 'none'],
    ['https://mindbloom.comm/', 'none'],
    ['https://indbloom.com/', 'none'],
    ['https://rnindbloom.com/', 'none'],
    ['https://mindbIoom.com/', 'none'], // capital I lowercases to i
    ['https://mindbl\u043eom.com/', 'none'], // Cyrillic о, not listed
    ['https://xn--mindblom-sbh.com/', 'none'], // the same, in punycode
    ['https://m\u0131ndbloom.com/', 'none'], // dotless ı
    ['https://mindbloom.com../', 'none'], // only one trailing dot is stripped
    ['https://.mindbloom.com/', 'none'],
    ['https://a..mindbloom.com/', 'none'],
    [`https://${'a.'.repeat(249)}mindbloom.com/`, 'none'], // 250+ labels: longer than DNS allows
    [`https://${'a'.repeat(100_000)}.mindbloom.com/`, 'none'],
    [`https://evil.net/${'mindbloom.com/'.repeat(7500)}?${'x=mindbloom.com&'.repeat(100)}`, 'none'],
    ['https://www.nue.life.evil.net/', 'none'],
    ['https://example.org/', 'none'],
    ['https://www.book.example.org/', 'none'], // exact host: no subdomains
    ['https://x.book.example.org/', 'none'],
  ]);
});

describe('mirrors are never matched', () => {
  check([
    ['https://staging.mindbloom.com/', 'none'],
    ['https://www.staging.mindbloom.com/', 'none'],
    ['https://mindbloom.webflow.io/', 'none'],
    ['https://stagingmindbloom.com/', 'none'],
    ['https://staging2.mindbloom.com/', 'provider', 'mindbloom'],
  ]);
});

describe('look-alikes', () => {
  check([
    ['https://m1ndbloom.com/', 'lookalike', 'mindbloom'],
    ['https://www.m1ndbloom.com/', 'lookalike', 'mindbloom'],
    ['https://M1NDBLOOM.COM.:8080/?q#f', 'lookalike', 'mindbloom'],
    ['https://mindbloomketamine.com/', 'lookalike', 'mindbloom'],
    [CYRILLIC_I, 'lookalike', 'mindbloom'],
    [`https://${CYRILLIC_I_PUNY}/`, 'lookalike', 'mindbloom'],
    [`https://WWW.${CYRILLIC_I_PUNY.toUpperCase()}/`, 'lookalike', 'mindbloom'],
    ['https://m1ndbloom.com.evil.net/', 'none'],
    ['https://m1ndbloom.com@evil.net/', 'none'],
    ['https://evil.net/m1ndbloom.com', 'none'],
    ['https://xm1ndbloom.com/', 'none'],
    ['https://fake.net/', 'lookalike', 'warner'],
    ['https://a.b.fake.net/', 'lookalike', 'warner'],
  ]);

  it('names the look-alike entry that applied (the longest)', () => {
    expect(m('https://www.m1ndbloom.com/')).toEqual({
      kind: 'lookalike',
      providerId: 'mindbloom',
      host: 'www.m1ndbloom.com',
      lookalikeHost: 'm1ndbloom.com',
    });
    expect(m('https://x.deep.fake.net/')).toMatchObject({ kind: 'lookalike', lookalikeHost: 'deep.fake.net' });
  });
});

describe('path rules (official pages on shared hosts)', () => {
  check([
    ['https://intercom.help/nuelife', 'provider', 'nue-life'],
    ['https://intercom.help/nuelife/', 'provider', 'nue-life'],
    ['https://intercom.help/nuelife/en/articles/123-pricing?x=1#top', 'provider', 'nue-life'],
    ['http://INTERCOM.HELP.:8080/nuelife/en', 'provider', 'nue-life'],
    ['https://intercom.help/nue%6cife/en', 'provider', 'nue-life'], // percent-encoded path
    ['https://intercom.help/%6E%75%65%6C%69%66%65', 'provider', 'nue-life'],
    ['https://intercom.help\\nuelife\\en', 'provider', 'nue-life'], // "\" is "/" for http(s)
    ['https://intercom.help/x/../nuelife/', 'provider', 'nue-life'], // the parser resolves dot segments
    ['https://intercom.help/nuelife/%E0%A4%A', 'provider', 'nue-life'], // invalid UTF-8 left encoded
    ['https://intercom.help/nuelife/partners', 'provider', 'deep-help'], // longest prefix
    ['https://intercom.help/nuelife/partners/x', 'provider', 'deep-help'],
    ['https://intercom.help/nuelife/partnersx', 'provider', 'nue-life'],
    ['https://intercom.help/other-clinic', 'provider', 'other-help'], // rule written with a trailing "/"
    ['https://intercom.help/other-clinic/faq', 'provider', 'other-help'],
    ['https://help.example.org/caf%C3%A9/menu', 'provider', 'other-help'], // decoded before comparing
    ['https://intercom.help/', 'none'],
    ['https://intercom.help', 'none'],
    ['https://intercom.help/nuelifex', 'none'], // segment boundary
    ['https://intercom.help/nuelife-evil/', 'none'],
    ['https://intercom.help/nuelife.evil', 'none'],
    ['https://intercom.help/NueLife', 'none'], // paths are case-sensitive
    ['https://intercom.help/NUELIFE/en', 'none'],
    ['https://intercom.help/evil/nuelife', 'none'],
    ['https://intercom.help//nuelife', 'none'],
    ['https://intercom.help/nuelife/%2e%2e/evil', 'none'], // "%2e%2e" is "..": resolves to /evil
    ['https://intercom.help/nuelife/..%2Fevil', 'none'], // encoded separators: path rules refuse
    ['https://intercom.help/nuelife%2fevil', 'none'],
    ['https://intercom.help/nuelife/..%5Cevil', 'none'],
    ['https://intercom.help/?p=/nuelife', 'none'],
    ['https://intercom.help/#/nuelife', 'none'],
    ['https://nuelife@intercom.help/', 'none'],
    ['https://www.intercom.help/nuelife', 'provider', 'nue-life'], // the www. twin of the rule's host (see www-twin.test.ts)
    ['https://www.www.intercom.help/nuelife', 'none'],
    ['https://nuelife.intercom.help/', 'none'],
    ['https://intercom.help.evil.net/nuelife', 'none'],
    ['https://evil.net/intercom.help/nuelife', 'none'],
    ['https://help.example.org/CAF%C3%89', 'none'],
  ]);

  it('reports the rule as host + prefix', () => {
    expect(m('https://intercom.help/nuelife/x')).toEqual({
      kind: 'provider',
      providerId: 'nue-life',
      host: 'intercom.help',
      rule: { kind: 'path', value: 'intercom.help/nuelife' },
    });
  });
});

describe('precedence: exact host > path rule > longest domain suffix > look-alike', () => {
  check([
    // exact host beats a path rule on the same host and the domain it sits under
    ['https://pages.platform.example/acme', 'provider', 'platform'],
    ['https://portal.sharedclinic.com/', 'provider', 'exact-only'],
    ['https://portal.east.sharedclinic.com/', 'provider', 'shared-east'],
    // path rule beats the domain of the host
    ['https://platform.example/acme/page', 'provider', 'on-platform'],
    ['https://platform.example/other', 'provider', 'platform'],
    ['https://www.platform.example/acme', 'provider', 'platform'],
    // longest domain suffix
    ['https://sharedclinic.com/', 'provider', 'shared'],
    ['https://west.sharedclinic.com/', 'provider', 'shared'],
    ['https://east.sharedclinic.com/', 'provider', 'shared-east'],
    ['https://a.east.sharedclinic.com/', 'provider', 'shared-east'],
    // domain beats look-alike, even a longer one (the dataset checks forbid that overlap)
    ['https://shop.real-clinic.com/', 'provider', 'warner'],
    ['https://legit.fake.net/', 'provider', 'under-lookalike'],
    ['https://x.legit.fake.net/', 'provider', 'under-lookalike'],
    // first claim wins
    ['https://mindbloom.com/', 'provider', 'mindbloom'],
    ['https://book.example.org/', 'provider', 'exact-only'],
  ]);

  it('reports which rule applied', () => {
    expect(m('https://www.mindbloom.com/')).toEqual({
      kind: 'provider',
      providerId: 'mindbloom',
      host: 'www.mindbloom.com',
      rule: { kind: 'domain', value: 'mindbloom.com' },
    });
    expect(m('https://a.east.sharedclinic.com/')).toMatchObject({ rule: { kind: 'domain', value: 'east.sharedclinic.com' } });
    expect(m('https://book.example.org./')).toEqual({
      kind: 'provider',
      providerId: 'exact-only',
      host: 'book.example.org',
      rule: { kind: 'host', value: 'book.example.org' },
    });
  });
});

describe('not a web page, or not a nameable host', () => {
  const nulls = [
    'view-source:https://mindbloom.com/',
    'data:text/html,<a href="https://mindbloom.com">mindbloom.com</a>',
    `data:text/html;base64,${'QUFB'.repeat(200_000)}`,
    'file:///home/mindbloom.com/index.html',
    'file://mindbloom.com/index.html',
    // blob: never matches, even when its origin is the provider's (see report / canonical.ts).
    'blob:https://mindbloom.com/0f8e5d1c-1a2b-4c3d-8e9f-0123456789ab',
    'ftp://mindbloom.com/',
    'ws://mindbloom.com/',
    'wss://mindbloom.com/',
    'about:blank',
    'about:mindbloom.com',
    'chrome://settings/',
    'chrome-extension://abcdefghijklmnop/mindbloom.com',
    'moz-extension://0f8e5d1c-1a2b-4c3d-8e9f-0123456789ab/mindbloom.com',
    'javascript:location="https://mindbloom.com"',
    'JavaScript:alert(1)//https://mindbloom.com',
    'mailto:hello@mindbloom.com',
    'mindbloom.com',
    'www.mindbloom.com/pricing',
    '//mindbloom.com/',
    '/mindbloom.com',
    'mindbloom.com:443',
    '',
    ' ',
    'https://',
    'https:///',
    'http://',
    'https://mindbloom.com:99999/',
    'https://mindbloom.com%00.evil.net/',
    'https://mindbloom.com%2f.evil.net/',
    'https://[mindbloom.com]/',
    'https://xn--.com/',
    'https://mind bloom.com/',
    'https://mindbloom.com\u200d/',
    'https://\ud800.com/',
    '%%%',
    '::::',
    'http',
    'https:',
  ];
  it.each(nulls.map((u) => [u.length > 80 ? `${u.slice(0, 80)}…` : u, u]))('%s → none, host null', (_label, url) => {
    expect(m(url)).toEqual({ kind: 'none', host: null });
  });

  check([
    ['http://127.0.0.1/', 'none'],
    ['http://2130706433/', 'none'],
    ['http://0x7f.1/', 'none'],
    ['https://1.2.3.4./', 'none'],
    ['http://[::1]/', 'none'],
    ['http://[2606:4700::6810:84e5]:8080/', 'none'],
    ['http://localhost/', 'none'],
    ['http://localhost.:3000/', 'none'],
    ['https://com/', 'none'],
    ['https://mindbloom/', 'none'],
  ]);

  it('still reports the canonical host of IPs and single-label hosts', () => {
    expect(m('http://0x7f.1/')).toEqual({ kind: 'none', host: '127.0.0.1' });
    expect(m('http://[0:0::1]/')).toEqual({ kind: 'none', host: '[::1]' });
    expect(m('http://LOCALHOST.:3000/')).toEqual({ kind: 'none', host: 'localhost' });
    expect(m('https://Evil.NET./x')).toEqual({ kind: 'none', host: 'evil.net' });
  });
});

describe('robustness', () => {
  it('never throws, whatever it is given', () => {
    const weird: unknown[] = [undefined, null, 42, {}, [], Symbol.iterator, () => 1, new String('https://mindbloom.com/')];
    for (const w of weird) expect(() => matcher.match(w as string)).not.toThrow();
    expect(matcher.match(undefined as unknown as string)).toEqual({ kind: 'none', host: null });
  });

  it('never throws on random strings built from URL-ish pieces', () => {
    const pieces = ['https:', 'http:', '//', '/', '\\', '@', ':', '.', '..', '%', '%2e', '%2F', '%zz', '#', '?', '[', ']', '::1',
      'mindbloom', 'com', 'xn--', '\u0456', '\uff0e', '\u3002', '\u00ad', '\ud800', '\u0000', ' ', '\t', 'intercom.help', 'nuelife', '8080', '-'];
    let seed = 12345;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (let i = 0; i < 5000; i++) {
      let s = '';
      const len = 1 + rand(12);
      for (let j = 0; j < len; j++) s += pieces[rand(pieces.length)];
      const r = matcher.match(s);
      expect(['provider', 'lookalike', 'none']).toContain(r.kind);
    }
  });

  it('returns small JSON-serialisable objects', () => {
    for (const url of ['https://www.mindbloom.com/x', 'https://intercom.help/nuelife', 'https://m1ndbloom.com', 'https://evil.net', 'about:blank']) {
      const r = m(url);
      expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    }
  });

  it('returns a fresh object each time (callers may keep or mutate it)', () => {
    const a = m('https://www.mindbloom.com/');
    const b = m('https://www.mindbloom.com/');
    expect(a).not.toBe(b);
    if (a.kind === 'provider' && b.kind === 'provider') expect(a.rule).not.toBe(b.rule);
  });

  it('works with an empty dataset', () => {
    const empty = createMatcher([]);
    expect(empty.match('https://mindbloom.com/')).toEqual({ kind: 'none', host: 'mindbloom.com' });
    expect(empty.match('nope')).toEqual({ kind: 'none', host: null });
  });

  it('ignores unusable rules instead of failing to build', () => {
    const built = createMatcher([
      entry('bad', {
        domains: ['localhost', '127.0.0.1', '', 'a..b.com', 'evil.net/path', 'x@evil.net'],
        hosts: ['[::1]'],
        paths: [{ host: 'intercom.help', prefix: 'no-slash' }, { host: 'intercom.help', prefix: '/a%2Fb' }],
        mirrors: [],
      }),
      { id: 'broken' } as unknown as MatchEntry,
      null as unknown as MatchEntry,
    ]);
    for (const url of ['http://localhost/', 'http://127.0.0.1/', 'https://evil.net/path', 'https://intercom.help/no-slash', 'https://intercom.help/a/b', 'http://[::1]/']) {
      expect(built.match(url).kind).toBe('none');
    }
  });

  it('canonicalises rule hostnames written loosely (uppercase, trailing dot, Unicode IDN)', () => {
    const loose = createMatcher([entry('loose', { domains: ['Example-Clinic.COM.'], hosts: ['b\u00fccher.example'] }, ['m\u0456ndbloom.com'])]);
    expect(loose.match('https://www.example-clinic.com/')).toMatchObject({ kind: 'provider', rule: { value: 'example-clinic.com' } });
    expect(loose.match('https://xn--bcher-kva.example/')).toMatchObject({ kind: 'provider', providerId: 'loose' });
    expect(loose.match('https://b\u00dcCHER.example/')).toMatchObject({ kind: 'provider', providerId: 'loose' });
    expect(loose.match(CYRILLIC_I)).toMatchObject({ kind: 'lookalike', lookalikeHost: CYRILLIC_I_PUNY });
  });
});
