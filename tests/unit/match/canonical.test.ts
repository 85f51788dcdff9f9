// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, decodePath, isMatchableHost, stripTrailingDot } from '../../../lib/match';

describe('canonicalizeUrl', () => {
  it.each([
    ['https://WWW.MindBloom.COM.:8443/A%20b/c?q=1#f', { host: 'www.mindbloom.com', pathname: '/A%20b/c' }],
    ['http://user:pw@Example.com', { host: 'example.com', pathname: '/' }],
    ['https://\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45\uff0ecom/x', { host: 'example.com', pathname: '/x' }],
    ['https://b\u00fccher.example/', { host: 'xn--bcher-kva.example', pathname: '/' }],
    ['https://example.com../', { host: 'example.com.', pathname: '/' }],
    ['http://[::1]:80/', { host: '[::1]', pathname: '/' }],
    ['  HTTP://example.com  ', { host: 'example.com', pathname: '/' }],
  ])('%s', (url, expected) => {
    expect(canonicalizeUrl(url)).toEqual(expected);
  });

  it.each(['blob:https://example.com/x', 'view-source:https://example.com/', 'data:,x', 'ftp://example.com/', 'about:blank', '', 'example.com', 'https://exa mple.com/'])(
    'null for %s',
    (url) => {
      expect(canonicalizeUrl(url)).toBeNull();
    },
  );
});

describe('decodePath', () => {
  it.each([
    ['/plain/path', '/plain/path'],
    ['/nue%6Cife', '/nuelife'],
    ['/caf%C3%A9', '/caf\u00e9'],
    ['/%E0%A4%A/x', '/%E0%A4%A/x'],
    ['/100%25', '/100%'],
    ['/a%2Fb', null],
    ['/a%2fb', null],
    ['/a%5Cb', null],
  ])('%s → %s', (input, expected) => {
    expect(decodePath(input)).toBe(expected);
  });
});

describe('isMatchableHost', () => {
  it.each([
    ['example.com', true],
    ['a.b', true],
    ['xn--bcher-kva.example', true],
    ['localhost', false],
    ['com', false],
    ['127.0.0.1', false],
    ['[::1]', false],
    ['.example.com', false],
    ['example.com.', false],
    ['a..example.com', false],
    [`${'a.'.repeat(126)}com`, false],
    [`${'a.'.repeat(125)}com`, true],
  ])('%s → %s', (host, expected) => {
    expect(isMatchableHost(host)).toBe(expected);
  });

  it('stripTrailingDot removes exactly one dot', () => {
    expect(stripTrailingDot('a.com.')).toBe('a.com');
    expect(stripTrailingDot('a.com..')).toBe('a.com.');
    expect(stripTrailingDot('a.com')).toBe('a.com');
  });
});
