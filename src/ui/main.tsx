/**
 * The entry script. Every tablet start is a cold start of a locked capture screen, whose
 * first screen is the PIN screen; this script is only what that screen needs (Preact, the
 * frame, the PIN form and a read of two rows), and draws it before the rest of the app has
 * loaded: the router, the database library and the screens are most of the start-up code,
 * and on a two-core tablet compiling them is most of the wait. They load once the PIN
 * screen is up (src/app/start-app.tsx) and have long arrived when the PIN has been typed.
 * Every other start (a console, a tablet with no profiles yet, another screen) loads the
 * app at once and draws it as before.
 */
import { render } from 'preact';
import { byName } from '../storage/profile-order.ts';
import { readStartRows, type StartRows } from '../storage/start-read.ts';
import { isLockStart, LOCK_START_PATHS } from './start/lock-start.ts';
import { StartLock } from './start/StartLock.tsx';
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

/** A database slow to answer (another tab upgrading it) must not keep the page blank. */
const MAX_WAIT_FOR_ROWS_MS = 1_000;

const container = document.getElementById('app')!;
const loadApp = () => import('./app/start-app.tsx');

async function start(): Promise<void> {
  const path = location.pathname;
  const rows = LOCK_START_PATHS.includes(path)
    ? await Promise.race([
        readStartRows(),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), MAX_WAIT_FOR_ROWS_MS)),
      ])
    : null;
  if (!isLockStart(path, rows)) {
    (await loadApp()).startApp(container, { rows });
    return;
  }
  // The start page only sends a tablet on to the capture screen: go there directly, so the
  // app finds itself on the right screen when it takes over.
  if (path !== '/capture') history.replaceState(history.state, '', '/capture');
  drawLockScreen(rows);
}

function drawLockScreen(rows: StartRows & { device: NonNullable<StartRows['device']> }): void {
  let app: ReturnType<typeof loadApp> | null = null;
  const theApp = () => (app ??= loadApp());
  render(
    <StartLock
      device={rows.device}
      profiles={byName(rows.profiles)}
      onUnlock={async (profileId, pin) =>
        (await theApp()).unlockAndStart(container, rows, profileId, pin)
      }
      onNew={() =>
        void theApp().then((a) => a.startApp(container, { rows, gate: { creating: true } }))
      }
    />,
    container,
  );
  // The rest of the app loads once this frame has been drawn, not in competition with it.
  requestAnimationFrame(() => setTimeout(() => void theApp().catch(() => {})));
}

void start();
