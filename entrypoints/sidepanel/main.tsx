import { render } from 'preact';
import '@/components/index.css';
import { loadGeneral } from '@/state/dataset';
import { startSiteState } from '@/state/site-state';
import { App } from './App';

startSiteState(); // the tab and what it shows are looked up at once, while the general facts are read
// The general facts (a few KB of packaged JSON) before the first render; if they cannot be read, the views that
// need them say so (their error boundary) and the others still work.
void loadGeneral()
  .catch(() => undefined)
  .then(() => render(<App />, document.getElementById('app')!));
