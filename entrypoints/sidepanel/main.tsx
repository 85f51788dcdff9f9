import { render } from 'preact';
import '@/components/index.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
