/**
 * Opens envelopes in a small pool of dedicated workers (open-worker.ts), so a console with a
 * school year of records checks and decrypts them on every core while the page stays
 * responsive. Work goes out in batches (one postMessage each) with the reader key cloned
 * into each request; workers hold no key between requests and are ended when idle.
 *
 * Where there is no Worker (Node, the component tests' DOM) or a worker cannot start or
 * answer (an old browser that cannot clone a CryptoKey, a worker script that failed to
 * load), the same batches are opened here on the page, one after another: the same code
 * (open-batch.ts), so the checks and the problems reported are the same either way.
 */
import { openBatch, type OpenJob, type OpenOutcome, type OpenReader } from './open-batch.ts';
import type { OpenRequest, OpenResponse } from './open-worker.ts';

export type { OpenJob, OpenOutcome, OpenReader };

/** Envelopes per message: postMessage's cost is spread thin, and the workers share evenly. */
export const BATCH = 100;
/** Batches a worker holds at once, so the next is already waiting when one is done. */
const AHEAD = 2;
/** Idle workers are ended, taking whatever plaintext their memory still holds with them. */
const IDLE_MS = 20_000;
/**
 * Marked (a performance mark) when workers were given up and the page opens instead, so a
 * browser test, or a person with the developer tools, can tell the workers did the work.
 */
export const ON_PAGE_MARK = 'safetrail:open-on-page';

/** What the pool needs of a worker (tests pass fakes). */
export interface OpenWorker {
  onmessage: ((event: MessageEvent<OpenResponse>) => void) | null;
  onerror: ((event: Event) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  postMessage(message: OpenRequest): void;
  terminate(): void;
}

export interface OpenPool {
  /** Starts the workers ahead of work known to be coming (they end again if none does). */
  warm(): void;
  /** Opens every job; answers in the jobs' order, telling `onProgress` how many are done. */
  open(
    jobs: OpenJob[],
    reader: OpenReader,
    onProgress?: (done: number) => void,
  ): Promise<OpenOutcome[]>;
}

interface Pending {
  request: OpenRequest;
  resolve: (outcomes: OpenOutcome[]) => void;
}

interface Member {
  worker: OpenWorker;
  pending: Map<number, Pending>;
}

/** A pool of up to `size` workers made by `spawn`; with no `spawn`, everything opens here. */
export function createOpenPool(spawn: (() => OpenWorker) | null, size: number): OpenPool {
  let members: Member[] = [];
  let broken = spawn === null;
  const queue: Pending[] = [];
  let nextId = 1;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let here = Promise.resolve();

  const runHere = (p: Pending) => {
    here = here
      .then(() => openBatch(p.request.jobs, p.request.reader).then(p.resolve))
      .catch(() => undefined); // one caller's failing progress callback stops no one else
  };

  /** A worker failed: it and its siblings go, and the page opens everything left. */
  const fail = () => {
    if (broken) return;
    broken = true;
    globalThis.performance?.mark?.(ON_PAGE_MARK);
    clearTimeout(idle);
    const orphans = members.flatMap((m) => [...m.pending.values()]);
    members.forEach((m) => m.worker.terminate());
    members = [];
    [...orphans, ...queue.splice(0)].forEach(runHere);
  };

  const retire = () => {
    members.forEach((m) => m.worker.terminate());
    members = [];
  };

  const join = (): Member | undefined => {
    try {
      const member: Member = { worker: spawn!(), pending: new Map() };
      member.worker.onmessage = ({ data }: MessageEvent<OpenResponse>) => {
        const p = member.pending.get(data.id);
        if (!p) return;
        if (!data.outcomes) return fail();
        member.pending.delete(data.id);
        pump();
        p.resolve(data.outcomes);
      };
      member.worker.onerror = fail;
      member.worker.onmessageerror = fail;
      members.push(member);
      return member;
    } catch {
      fail();
      return undefined;
    }
  };

  const pump = () => {
    clearTimeout(idle);
    while (queue.length > 0 && !broken) {
      let m = members.reduce<Member | undefined>(
        (best, x) => (!best || x.pending.size < best.pending.size ? x : best),
        undefined,
      );
      if ((!m || m.pending.size > 0) && members.length < size) m = join();
      if (!m || m.pending.size >= AHEAD) break;
      const p = queue.shift()!;
      m.pending.set(p.request.id, p);
      try {
        m.worker.postMessage(p.request);
      } catch {
        return fail(); // this browser cannot send the key or the jobs to a worker
      }
    }
    if (!broken && queue.length === 0 && members.every((m) => m.pending.size === 0))
      idle = setTimeout(retire, IDLE_MS);
  };

  return {
    warm() {
      while (!broken && members.length < size) join();
      pump();
    },
    async open(jobs, reader, onProgress) {
      // Only the two fields a worker needs are cloned into it.
      const key: OpenReader = { kid: reader.kid, privateKey: reader.privateKey };
      let done = 0;
      const parts: Promise<OpenOutcome[]>[] = [];
      for (let i = 0; i < jobs.length; i += BATCH) {
        parts.push(
          new Promise<OpenOutcome[]>((resolve) => {
            const p: Pending = {
              request: { id: nextId++, reader: key, jobs: jobs.slice(i, i + BATCH) },
              resolve: (outcomes) => {
                resolve(outcomes);
                done += outcomes.length;
                onProgress?.(done);
              },
            };
            if (broken) runHere(p);
            else queue.push(p);
          }),
        );
      }
      pump();
      return (await Promise.all(parts)).flat();
    },
  };
}

let shared: OpenPool | undefined;

/** The page's pool: one worker per core, at least two and at most four. */
export function openPool(): OpenPool {
  const cores = globalThis.navigator?.hardwareConcurrency ?? 2;
  shared ??= createOpenPool(
    typeof Worker === 'undefined'
      ? null
      : () =>
          new Worker(new URL('./open-worker.ts', import.meta.url), {
            type: 'module',
          }) as unknown as OpenWorker,
    Math.min(4, Math.max(2, cores)),
  );
  return shared;
}
