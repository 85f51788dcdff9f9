import { describe, expect, it } from 'vitest';
import { notePreview, shortPlace } from '../../../lib/shortlist/view';
import { makeProvider } from '../../fixtures/providers';

describe('notePreview', () => {
  it('gives the start of a note on one line, cut at a word, never inside an emoji', () => {
    expect(notePreview('  short\nnote ')).toBe('short note');
    const long = `${'word '.repeat(100)}`;
    const p = notePreview(long, 40);
    expect(p.endsWith('word…')).toBe(true);
    expect(p.length).toBeLessThanOrEqual(41);
    const emoji = notePreview('🙂'.repeat(100), 10);
    expect(Array.from(emoji)).toHaveLength(11);
    expect(emoji).toBe(`${'🙂'.repeat(10)}…`);
  });
});

describe('shortPlace', () => {
  it('names the first place and how many more, or telehealth', () => {
    const loc = (city: string | null, state: 'CO' | 'TX') => ({ city, state, confirmed: true, sources: [] });
    expect(shortPlace(makeProvider({ locations: [loc('Denver', 'CO')] }))).toBe('Denver, CO');
    expect(shortPlace(makeProvider({ locations: [loc('Denver', 'CO'), loc('Austin', 'TX'), loc('Denver', 'CO')] }))).toBe('Denver, CO and 1 more');
    expect(shortPlace(makeProvider({ locations: [], delivery: { value: 'at-home', sources: [] } }))).toBe('Telehealth');
    expect(shortPlace(makeProvider({ locations: [loc(null, 'TX')], statesServed: { value: ['TX'], sources: [] } }))).toBe('TX · telehealth');
    expect(shortPlace(makeProvider({ locations: [] }))).toBeNull();
  });
});
