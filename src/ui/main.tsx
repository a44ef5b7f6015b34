/**
 * The entry script. Every tablet start is a cold start of a locked capture screen, whose
 * first screen is the PIN screen; this script is only what that screen needs (Preact, the
 * frame, the PIN form and who can unlock), and draws it before the rest of the app has
 * loaded: the router, the database library and the screens are most of the start-up code,
 * and on a two-core tablet compiling them is most of the wait. They load once the PIN
 * screen is up (src/app/start-app.tsx) and have long arrived when the PIN has been typed.
 * Every other start (a console, a tablet with no profiles yet, another screen) loads the
 * app at once and draws it as before.
 */
import { render } from 'preact';
import { byName } from '../storage/profile-order.ts';
import { readStartRows, rowsWithin, type StartRows } from '../storage/start-read.ts';
import {
  parseSummary,
  START_SUMMARY_ID,
  summarise,
  type StartSummary,
} from '../storage/start-summary.ts';
import { isLockStart, LOCK_START_PATHS, type LockStart } from './start/lock-start.ts';
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

/** The summary the service worker wrote into the page, taken out of it. */
function takeSummary(): StartSummary | null {
  const block = document.getElementById(START_SUMMARY_ID);
  block?.remove();
  return block ? parseSummary(block.textContent ?? '') : null;
}

async function start(): Promise<void> {
  const path = location.pathname;
  // The service worker writes the summary into a start page (sw/start-page.ts); without
  // it (no worker yet, a slow read there), the rows are read here, and handed to the app.
  const written = takeSummary();
  const rows =
    written || !LOCK_START_PATHS.includes(path)
      ? null
      : await rowsWithin(readStartRows(), MAX_WAIT_FOR_ROWS_MS);
  const summary: StartSummary | null = written ?? (rows && summarise(rows));
  if (!isLockStart(path, summary)) {
    (await loadApp()).startApp(container, { rows });
    return;
  }
  // The start page only sends a tablet on to the capture screen: go there directly, so the
  // app finds itself on the right screen when it takes over.
  if (path !== '/capture') history.replaceState(history.state, '', '/capture');
  drawLockScreen(summary, rows);
}

function drawLockScreen(summary: LockStart, rows: StartRows | null): void {
  let app: ReturnType<typeof loadApp> | null = null;
  const theApp = () => (app ??= loadApp());
  render(
    <StartLock
      device={summary.device}
      profiles={byName(summary.profiles)}
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
