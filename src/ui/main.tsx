/**
 * The entry script. On a tablet every start is a cold start of the capture screen, so the
 * order here is about that: the database reads the first screen needs begin at once, the
 * router loads the route's code (preloaded from index.html) meanwhile, and the app is drawn
 * when both are in, so the first frame is the finished screen rather than an empty frame
 * filled in over several (each costs a style, layout and paint). Work no screen waits on
 * comes after it.
 */
import { render } from 'preact';
import { SafetrailDb } from '../storage/db.ts';
import { App } from './app/App.tsx';
import { router } from './app/routes.tsx';
import { beginStartReads } from './app/start-reads.ts';
import { whenIdle } from './app/when-idle.ts';
// One stylesheet per concern, in cascade order (base first).
import './styles/base.css';
import './styles/capture.css';
import './styles/wizard.css';
import './styles/diagram.css';
import './styles/chronology.css';
import './styles/rules.css';
import './styles/rules-print.css';
import './styles/casework.css';
import './styles/reports.css';

/** A database that is slow to open (another tab upgrading it) must not keep the page blank. */
const MAX_WAIT_TO_DRAW_MS = 1_000;

const db = new SafetrailDb();
const firstDevice = beginStartReads(db);

void Promise.race([
  // Settled either way: a failed read or load is the screens' to report.
  Promise.allSettled([firstDevice, router.load()]),
  new Promise((resolve) => setTimeout(resolve, MAX_WAIT_TO_DRAW_MS)),
]).then(() => {
  render(<App db={db} firstDevice={firstDevice} />, document.getElementById('app')!);
  // Registration is not needed to draw the first screen (a worker already installed serves
  // this start either way), so it waits until the page has loaded and the browser is idle.
  const register = () =>
    whenIdle(
      () =>
        void import('../platform/service-worker.ts').then((sw) => {
          sw.registerServiceWorker();
          void sw.requestPersistentStorage();
        }),
    );
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
});
