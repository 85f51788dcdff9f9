import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Welcome } from '@/components/welcome/Welcome';
import { openWelcomeOnInstall } from '@/entrypoints/background/welcome';
import { BADGE_LEGEND, badgeFor } from '@/lib/tabs/badge';

describe('Welcome page', () => {
  it('shows the badge legend as the toolbar draws it, with "!" as the look-alike warning', () => {
    render(<Welcome browserName="chrome" />);
    const legend = screen.getByRole('heading', { name: 'What the badge on the toolbar button means' }).parentElement!;
    const items = within(legend).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.welcome__badge')!.textContent)).toEqual(['●', '✕', '!']);
    expect(items[2]!.textContent).toMatch(/Careful: a look-alike.*is not it/);
    // The same colours as the real badge.
    const lookalike = badgeFor({ kind: 'lookalike', providerId: 'p', host: 'x.com', lookalikeHost: 'x.com' }, () => ({ name: 'P', state: 'operating' }));
    expect(lookalike).toMatchObject({ text: '!', color: BADGE_LEGEND[2].color });
  });

  it('says what Clinic Scout does, the privacy promise in one sentence, and that it informs, does not advise, with 988', () => {
    render(<Welcome browserName="chrome" />);
    expect(screen.getByText(/Clinic Scout shows sourced, dated facts/)).toBeTruthy();
    const privacy = document.querySelector('.welcome__privacy')!;
    expect(privacy.textContent!.split(/[.!?](\s|$)/).filter((s) => s.trim()).length).toBe(1);
    expect(privacy.textContent).toMatch(/stays on this device.*nothing sent anywhere/);
    expect(screen.getByRole('heading', { name: 'Informs, does not advise' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '988' }).getAttribute('href')).toBe('tel:988');
  });

  it('explains pinning and opening the panel, the current browser first', () => {
    const { unmount } = render(<Welcome browserName="firefox" />);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['In Firefox', 'In Chrome']);
    expect(screen.getByText(/View → Sidebar → Clinic Scout/)).toBeTruthy();
    unmount();
    render(<Welcome browserName="chrome" />);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['In Chrome', 'In Firefox']);
    expect(screen.getByText(/Click the pin next to Clinic Scout/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Browse providers' }).getAttribute('href')).toBe('sidepanel.html?full#/browse');
  });
});

describe('welcome on install', () => {
  it('opens the welcome page on a first install only', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    openWelcomeOnInstall();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.1' });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'chrome_update' });
    expect(create).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]![0].url).toMatch(/\/welcome\.html$/);
  });
});
