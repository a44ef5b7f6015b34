import { render } from 'preact';
import { App } from './app/App.tsx';
// One stylesheet per concern, in cascade order (base first).
import './styles/base.css';
import './styles/capture.css';
import './styles/wizard.css';
import './styles/rules.css';
import './styles/casework.css';
import './styles/reports.css';

render(<App />, document.getElementById('app')!);

// Registration is not needed to draw the first screen, so it loads just after.
void import('../platform/service-worker.ts').then((sw) => {
  sw.registerServiceWorker();
  void sw.requestPersistentStorage();
});
