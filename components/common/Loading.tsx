import { useEffect, useState } from 'preact/hooks';

/** Below this, a load shows nothing at all: a quick load must not flash a message. */
export const LOADING_DELAY_MS = 150;

/** Nothing for the first 150 ms, then a quiet "Loading…" (announced politely). */
export function Loading({ what }: { what?: string }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setShown(true), LOADING_DELAY_MS);
    return () => clearTimeout(t);
  }, []);
  return (
    <p class="message loading" role="status" aria-live="polite">
      {shown ? `Loading${what ? ` ${what}` : ''}…` : ''}
    </p>
  );
}
