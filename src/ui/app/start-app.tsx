/**
 * Starts the whole app: the database, the router, the screens. The entry script
 * (src/ui/main.tsx) loads this at once on most starts; on a locked tablet's cold start it
 * draws the PIN screen first (src/ui/start) and loads this while the teacher types.
 *
 * The app is drawn when the device record has been read and the route's code has loaded,
 * so its first frame is the finished screen rather than an empty frame filled in over
 * several. Work no screen waits on comes after it.
 */
import { render } from 'preact';
import { SafetrailDb } from '../../storage/db.ts';
import type { StartRows } from '../../storage/start-read.ts';
import { ProfileWipedError, unlockProfile } from '../capture/staff-profiles.ts';
import { App } from './App.tsx';
import { router } from './routes.tsx';
import type { StaffSession } from './session.tsx';
import { beginStartReads, type StartGate } from './start-reads.ts';
import { whenIdle } from './when-idle.ts';

/** A database that is slow to open (another tab upgrading it) must not keep the page blank. */
const MAX_WAIT_TO_DRAW_MS = 1_000;

let db: SafetrailDb | null = null;
const theDb = () => (db ??= new SafetrailDb());
let started = false;

/** What the cold-start lock screen hands over: its rows, where it left off, who unlocked. */
export interface Handover {
  rows?: StartRows | null;
  gate?: StartGate;
  staff?: StaffSession;
}

/** Draws the app into `container` (once: a second call does nothing). */
export function startApp(container: HTMLElement, handover: Handover = {}): void {
  if (started) return;
  started = true;
  const database = theDb();
  const firstDevice = beginStartReads(database, handover);
  void Promise.race([
    // Settled either way: a failed read or load is the screens' to report.
    Promise.allSettled([firstDevice, router.load()]),
    new Promise((resolve) => setTimeout(resolve, MAX_WAIT_TO_DRAW_MS)),
  ]).then(() => {
    render(
      <App db={database} firstDevice={firstDevice} firstStaff={handover.staff ?? null} />,
      container,
    );
    registerWhenSettled();
  });
}

/**
 * The cold-start lock screen's Unlock: checks the PIN against the stored profile (the same
 * check, throttle and wipe as the app's own PIN screen), then draws the app unlocked. A
 * wrong PIN rejects with the sentence to show and the lock screen stays as it is.
 */
export async function unlockAndStart(
  container: HTMLElement,
  rows: StartRows | null,
  profileId: string,
  pin: string,
): Promise<void> {
  let staff: StaffSession;
  try {
    staff = await unlockProfile(theDb(), profileId, pin);
  } catch (err) {
    if (!(err instanceof ProfileWipedError)) throw err;
    // That profile is gone: the app's PIN screen lists who is left, and says why.
    startApp(container, { gate: { notice: err.message } });
    return;
  }
  startApp(container, { rows, staff });
}

/**
 * Registration is not needed to draw the first screen (a worker already installed serves
 * this start either way), so it waits until the page has loaded and the browser is idle.
 */
function registerWhenSettled(): void {
  const register = () =>
    whenIdle(
      () =>
        void import('../../platform/service-worker.ts').then((sw) => {
          sw.registerServiceWorker();
          void sw.requestPersistentStorage();
        }),
    );
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
