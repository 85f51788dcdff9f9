import { render } from 'preact';
render(<p>Clinic Scout</p>, document.getElementById('app')!);
