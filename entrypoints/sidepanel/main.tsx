import { render } from 'preact';
import '@/components/index.css';
import { loadGeneral } from '@/state/dataset';
import { siteStateReady, startSiteState } from '@/state/site-state';
import { App } from './App';

/** Longest the first render waits for the card's data (then it renders "loading" and fills in as usual). */
const FIRST_RENDER_WAIT_MS = 150;

// The tab, what it shows and that provider's record are looked up at once, while the general facts (a few KB of
// packaged JSON) are read; the first render waits for them, briefly, so it is the card itself rather than a
// loading state followed by it. If the general facts cannot be read, the views that need them say so (their
// error boundary) and the others still work.
startSiteState();
void Promise.race([
  Promise.all([loadGeneral().catch(() => undefined), siteStateReady()]),
  new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS)),
])
  .then(() => loadGeneral())
  .catch(() => undefined)
  .then(() => render(<App />, document.getElementById('app')!));
