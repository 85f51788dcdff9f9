import { useEffect, useState } from 'preact/hooks';
import { LOADING_DELAY_MS } from '@/lib/loading';

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
