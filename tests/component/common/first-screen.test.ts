// state/first-screen.ts: the shortlists (and anything else the first screen does not need) start after the
// first screen is painted, or after a bounded wait when none comes.
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.useRealTimers();
  vi.resetModules();
});

describe('first screen', () => {
  it('waits for the first screen, then for a frame', async () => {
    vi.useFakeTimers();
    const m = await import('@/state/first-screen');
    let done = false;
    void m.afterFirstScreen().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(500);
    expect(done).toBe(false);
    m.markFirstScreen();
    await vi.advanceTimersByTimeAsync(250);
    expect(done).toBe(true);
  });

  it('starts anyway when no first screen comes', async () => {
    vi.useFakeTimers();
    const m = await import('@/state/first-screen');
    let done = false;
    void m.afterFirstScreen().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(m.FIRST_SCREEN_MAX_WAIT_MS - 1);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    expect(done).toBe(true);
  });
});
