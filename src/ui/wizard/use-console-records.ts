import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { buildChronology, type ChronologyResult } from '../../domain/chronology.ts';
import { useSession } from '../app/session.tsx';
import { plainError } from '../components/errors.ts';
import { pullNew } from '../console/inbox.ts';
import { currentSet } from '../console/leads.ts';
import { useConsoleApi } from '../console/use-console-api.ts';
import {
  knownDevices,
  openConsoleEvents,
  refreshDevices,
  type OpenedEvent,
  type OpenProblem,
  type OpenProgress,
} from './opened-events.ts';

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
              setProgress({ label: 'Fetching new records', done: 0, total: 0 });
              await pullNew(session.db, api, (n) =>
                setProgress({ label: 'Fetching new records', done: n, total: 0 }),
              );
            }
            devices = await refreshDevices(api);
            await currentSet({ db: session.db, api, keys: dsl.keys, dslName: dsl.name });
          } catch (e) {
            problem = `The school endpoint could not be reached: ${plainError(e)} Showing what this device already holds.`;
          }
        }
      }
      try {
        const opened = await openConsoleEvents(
          session.db,
          dsl.keys,
          device,
          devices,
          (p: OpenProgress) =>
            current() && setProgress({ label: 'Opening records', done: p.done, total: p.total }),
        );
        if (!current()) return;
        setResult(buildChronology(opened.events));
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
