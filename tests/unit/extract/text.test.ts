// lib/extract/text.ts: the plain-text, address and phone helpers, zod-free so the panel's start-up code (the
// custom-clinic form's phone check) does not load zod; lib/extract/parse.ts re-exports the same functions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as parse from '../../../lib/extract/parse';
import * as text from '../../../lib/extract/text';

describe('lib/extract/text', () => {
  it('imports nothing (no zod)', () => {
    const source = readFileSync(join(process.cwd(), 'lib/extract/text.ts'), 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
  });

  it('is what lib/extract/parse exports', () => {
    expect(parse.phoneText).toBe(text.phoneText);
    expect(parse.plainText).toBe(text.plainText);
    expect(parse.safeWebUrl).toBe(text.safeWebUrl);
    expect(parse.phoneFromTelHref).toBe(text.phoneFromTelHref);
    expect(parse.MAX).toBe(text.MAX);
  });

  it('reads phone numbers and refuses anything else', () => {
    expect(text.phoneText('(303) 555-0100')).toBe('(303) 555-0100');
    expect(text.phoneText('tel:+1 303 555 0100')).toBe('+1 303 555 0100');
    expect(text.phoneText('<b>303-555-0100</b> ext. 12')).toBe('303-555-0100 ext. 12');
    expect(text.phoneText('call us')).toBeNull();
    expect(text.phoneText('12345')).toBeNull();
    expect(text.phoneFromTelHref('tel:%2B1-303-555-0100;ext=2')).toBe('+1-303-555-0100');
  });
});
