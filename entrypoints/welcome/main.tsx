// The welcome page (welcome.html, unlisted): opened once, on install, by the background.
import { render } from 'preact';
import '@/components/index.css';
import { Welcome } from '@/components/welcome/Welcome';

render(<Welcome browserName={import.meta.env.FIREFOX ? 'firefox' : 'chrome'} />, document.getElementById('app')!);
