import { render } from 'preact';
import { registerServiceWorker, requestPersistentStorage } from '../platform/service-worker.ts';
import { App } from './app/App.tsx';
import './styles/global.css';

render(<App />, document.getElementById('app')!);
registerServiceWorker();
void requestPersistentStorage();
