import { render } from 'preact';
import { App } from './app/App.tsx';
import './styles/global.css';

render(<App />, document.getElementById('app')!);

// Registration is not needed to draw the first screen, so it loads just after.
void import('../platform/service-worker.ts').then((sw) => {
  sw.registerServiceWorker();
  void sw.requestPersistentStorage();
});
