import { describe, expect, it } from 'vitest';
import { exportFileName, localDate, slug } from '../../../lib/export/filename';

const day = new Date(2026, 0, 9, 23, 30); // local time

describe('exportFileName', () => {
  it('names all-list and one-list exports with the local date', () => {
    expect(localDate(day)).toBe('2026-01-09');
    expect(exportFileName('json', day)).toBe('clinic-scout-all-2026-01-09.json');
    expect(exportFileName('csv', day, 'Denver options')).toBe('clinic-scout-denver-options-2026-01-09.csv');
    expect(exportFileName('md', day, 'Dr. Müller’s list (2026)!')).toBe('clinic-scout-dr-muller-s-list-2026-2026-01-09.md');
  });

  it('keeps only safe characters, whatever the name', () => {
    for (const name of ['../../etc/passwd', 'C:\\Windows\\system32', 'con', '<script>', 'a\u0000b', '🧠🧠', 'مرحبا', '   ', 'x'.repeat(500), '.hidden']) {
      const file = exportFileName('csv', day, name);
      expect(file).toMatch(/^clinic-scout-[a-z0-9]+(-[a-z0-9]+)*-2026-01-09\.csv$/);
      expect(file.length).toBeLessThanOrEqual(70);
    }
    expect(slug('🧠🧠')).toBe('list');
    expect(slug('../../etc/passwd')).toBe('etc-passwd');
  });
});
