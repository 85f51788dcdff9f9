// The panel's first screen: what the user opened it for (a provider's card, a message about the site, or any
// other view) is on screen. Work that screen does not need — opening the shortlists, which loads the
// repository and zod to validate what is read — starts after it, so it never delays the card
// (docs/architecture.md, "Data loading").
import { useEffect } from 'preact/hooks';

/** Longest wait for a first screen that never comes (a tab whose state cannot be read): then the work starts anyway. */
export const FIRST_SCREEN_MAX_WAIT_MS = 3000;
/** After the first screen, longest wait for the paint (a page the browser does not paint while hidden). */
const PAINT_MAX_WAIT_MS = 200;

let marked = false;
let resolveShown: () => void = () => undefined;
const shown = new Promise<void>((resolve) => (resolveShown = resolve));

/** The first screen is rendered: what waits for it runs once the browser has painted it. Later calls do nothing. */
export function markFirstScreen(): void {
  if (marked) return;
  marked = true;
  // A frame (the paint), then a task after it.
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolveShown, 0));
  setTimeout(resolveShown, typeof requestAnimationFrame === 'function' ? PAINT_MAX_WAIT_MS : 0);
}

/** Resolves after the first screen is painted, or FIRST_SCREEN_MAX_WAIT_MS after this call at the latest. */
export function afterFirstScreen(): Promise<void> {
  return Promise.race([shown, new Promise<void>((resolve) => setTimeout(resolve, FIRST_SCREEN_MAX_WAIT_MS))]);
}

/** Marks the first screen once `ready` (a view's content, not its loading state, is rendered). */
export function useFirstScreen(ready: boolean): void {
  useEffect(() => {
    if (ready) markFirstScreen();
  }, [ready]);
}
