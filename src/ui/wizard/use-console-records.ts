import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { UnlockedDslKeys } from '../../crypto/dsl-keys.ts';
import { buildChronology, type ChronologyResult } from '../../domain/chronology.ts';
import type { SafetrailDb } from '../../storage/db.ts';
import type { DeviceRecord } from '../../storage/records.ts';
import type { ApiClient } from '../../sync/api-client.ts';
import { useSession } from '../app/session.tsx';
import { plainError } from '../components/errors.ts';
import { pullNew } from '../console/inbox.ts';
import { currentSet } from '../console/leads.ts';
import { useConsoleApi } from '../console/use-console-api.ts';
import {
  knownDevices,
  openAhead,
  openConsoleEvents,
  refreshDevices,
  type OpenedEvent,
  type OpenProblem,
  type OpenProgress,
} from './opened-events.ts';

/**
 * The pull running on this console, if any. A second refresh while one runs (another
 * screen, or this one mounted again) waits for it, rather than fetching and opening the
 * same pages a second time alongside it.
 */
const pulling = new WeakMap<SafetrailDb, Promise<void>>();

/**
 * Pulls new records and, with the device list in hand, opens each page (one after another)
 * while the next is fetched and stored.
 */
async function pullAndOpen(
  db: SafetrailDb,
  api: ApiClient,
  keys: UnlockedDslKeys,
  device: DeviceRecord,
  onFetched: (n: number) => void,
): Promise<void> {
  const devices = await refreshDevices(api);
  let ahead = Promise.resolve();
  try {
    await pullNew(db, api, onFetched, (page) => {
      ahead = ahead.then(() => openAhead(keys, device, devices, page));
    });
  } finally {
    await ahead;
  }
}

/**
 * Performance measures around each stage of loading (read by `npm run bench`): fetching and
 * storing new records (and opening them as they come), opening the rest of what is held,
 * merging the events into chronologies.
 */
export const PULL_MEASURE = 'safetrail:records-pull';
export const OPEN_MEASURE = 'safetrail:records-open';
export const MERGE_MEASURE = 'safetrail:records-merge';
const measure = (name: string, start: number) => performance.measure?.(name, { start });

export interface ConsoleRecords {
  result: ChronologyResult<OpenedEvent> | null;
  problems: OpenProblem[];
  /** Why the endpoint could not be asked (offline), or null. */
  network: string | null;
  busy: boolean;
  /** What the long work is doing now, for a progress bar; null when idle. */
  progress: { label: string; done: number; total: number } | null;
  /** The `key` the current result was loaded for. */
  loadedKey: string | undefined;
  /** Reads again; with `pull`, fetches new records from the endpoint first. */
  refresh: (pull: boolean) => Promise<void>;
}

/**
 * What this DSL can read, merged into chronologies. Online it first pulls new records,
 * refreshes the device list (for signatures) and the school's recipient set (so what this
 * console seals next reaches every current lead); offline it opens what is already held.
 */
export function useConsoleRecords(pullOnOpen: boolean, key?: string): ConsoleRecords {
  const session = useSession();
  const api = useConsoleApi();
  const dsl = session.dsl!;
  const device = session.device!;
  const [result, setResult] = useState<ChronologyResult<OpenedEvent> | null>(null);
  const [problems, setProblems] = useState<OpenProblem[]>([]);
  const [network, setNetwork] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const [progress, setProgress] = useState<ConsoleRecords['progress']>(null);
  const [loadedKey, setLoadedKey] = useState<string | undefined>(undefined);
  const live = useRef(true);
  const latest = useRef(0);
  useEffect(() => () => void (live.current = false), []);

  const refresh = useCallback(
    async (pull: boolean, forKey?: string) => {
      const run = ++latest.current;
      const current = () => live.current && run === latest.current;
      setBusy(true);
      let devices = knownDevices();
      let problem: string | null = null;
      if (pull || !devices) {
        if (!navigator.onLine) {
          problem = 'This device is offline: showing what it already holds.';
        } else {
          try {
            if (pull) {
              const started = performance.now();
              setProgress({ label: 'Fetching new records', done: 0, total: 0 });
              let running = pulling.get(session.db);
              if (!running) {
                running = pullAndOpen(session.db, api, dsl.keys, device, (n) =>
                  setProgress({ label: 'Fetching new records', done: n, total: 0 }),
                ).finally(() => pulling.delete(session.db));
                pulling.set(session.db, running);
              }
              await running;
              measure(PULL_MEASURE, started);
            }
            // After a pull, again: a device enrolled meanwhile may have sent some of it.
            devices = await refreshDevices(api);
            await currentSet({ db: session.db, api, keys: dsl.keys, dslName: dsl.name });
          } catch (e) {
            devices = knownDevices(); // fetched before the pull failed, perhaps
            problem = `The school endpoint could not be reached: ${plainError(e)} Showing what this device already holds.`;
          }
        }
      }
      try {
        let started = performance.now();
        const opened = await openConsoleEvents(
          session.db,
          dsl.keys,
          device,
          devices,
          (p: OpenProgress) =>
            current() && setProgress({ label: 'Opening records', done: p.done, total: p.total }),
        );
        measure(OPEN_MEASURE, started);
        if (!current()) return;
        started = performance.now();
        setResult(buildChronology(opened.events));
        measure(MERGE_MEASURE, started);
        setProblems(opened.problems);
      } catch (e) {
        problem = plainError(e);
      }
      if (!current()) return;
      setLoadedKey(forKey);
      setNetwork(problem);
      setProgress(null);
      setBusy(false);
    },
    [session.db, api, dsl, device],
  );

  useEffect(() => void refresh(pullOnOpen, key), [refresh, pullOnOpen, key]);
  return {
    result,
    problems,
    network,
    busy,
    progress,
    loadedKey,
    refresh: (pull: boolean) => refresh(pull, key),
  };
}
