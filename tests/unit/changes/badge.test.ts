import { describe, expect, it } from 'vitest';
import { CHANGES_BADGE_COLOR, changesLook, changesTitle, withChanges } from '../../../lib/changes/badge';

const provider = { text: '✕', color: '#8b1a1a', title: 'Clinic Scout: Example has closed. Click for details.' };
const none = { text: '', color: '#5f6368', title: 'Clinic Scout' };

describe('changes badge', () => {
  it('titles and counts', () => {
    expect(changesTitle(1)).toBe('1 change on your shortlist');
    expect(changesTitle(3)).toBe('3 changes on your shortlist');
    expect(changesLook(2)).toEqual({ text: '2', color: CHANGES_BADGE_COLOR, title: 'Clinic Scout: 2 changes on your shortlist. Click to see them.' });
    expect(changesLook(120).text).toBe('99+');
    expect(changesLook(0)).toEqual(none);
  });

  it('a provider badge wins on its tab, and its title still gives the count', () => {
    expect(withChanges(provider, 2)).toEqual({ ...provider, title: `${provider.title} — 2 changes on your shortlist.` });
  });

  it('a tab without a provider badge shows the count; no changes leaves every look as it was', () => {
    expect(withChanges(none, 2)).toEqual(changesLook(2));
    expect(withChanges(provider, 0)).toBe(provider);
    expect(withChanges(none, 0)).toBe(none);
  });
});
