import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../../lib/format/dates';

describe('relativeTime', () => {
  const now = Date.UTC(2026, 3, 20, 12);
  const min = 60_000;
  const day = 24 * 60 * min;

  it('under a minute either way is "just now"', () => {
    expect(relativeTime(now, now)).toBe('just now');
    expect(relativeTime(now - 59_000, now)).toBe('just now');
    expect(relativeTime(now + 30_000, now)).toBe('just now');
  });

  it('uses the largest whole unit', () => {
    expect(relativeTime(now - 5 * min, now)).toBe('5 minutes ago');
    expect(relativeTime(now - 3 * 60 * min, now)).toBe('3 hours ago');
    expect(relativeTime(now - day, now)).toBe('yesterday');
    expect(relativeTime(now - 3 * 7 * day, now)).toBe('3 weeks ago');
    expect(relativeTime(now - 2 * 30 * day, now)).toBe('2 months ago');
    expect(relativeTime(now - 400 * day, now)).toBe('last year');
  });
});
