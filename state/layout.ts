// Wide or narrow: the full-page view (opened in a tab with ?full, or any window wider than the panel) gets
// the wide layout (.app--wide, the comparison table); the side panel gets the compact one.
import { useEffect, useState } from 'preact/hooks';

export function isWideLayout(): boolean {
  return new URLSearchParams(location.search).has('full') || innerWidth > 700;
}

/** isWideLayout(), kept up to date as the window is resized. */
export function useWideLayout(): boolean {
  const [wide, setWide] = useState(isWideLayout);
  useEffect(() => {
    const onResize = () => setWide(isWideLayout());
    addEventListener('resize', onResize);
    return () => removeEventListener('resize', onResize);
  }, []);
  return wide;
}
