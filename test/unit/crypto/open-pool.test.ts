/**
 * The open pool (open-pool.ts): with no Worker (as here, in Node) it opens on the page;
 * when a worker cannot start, cannot be sent the key, or fails mid-way, the page opens
 * what it held. Either way every envelope gets the same checks and a failure the same
 * words as openEnvelope gives. The worker's own entry (open-worker.ts) runs here too,
 * behind fake Worker objects, so the pool's protocol with it is tested without a browser
 * (test/e2e/wizard.test.ts covers real workers in Chromium).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../../src/crypto/bytes.ts';
import {
  openEnvelope,
  sealEnvelope,
  unsigned,
  type Envelope,
} from '../../../src/crypto/envelope.ts';
import { generateReaderKeyPair, type ReaderKeyPair } from '../../../src/crypto/hpke.ts';
import { grantSlot, openEnvelopeWithGrant } from '../../../src/crypto/key-grant.ts';
import {
  BATCH,
  createOpenPool,
  ON_PAGE_MARK,
  openPool,
  type OpenJob,
  type OpenOutcome,
  type OpenWorker,
} from '../../../src/crypto/open-pool.ts';
import type { OpenRequest, OpenResponse } from '../../../src/crypto/open-worker.ts';
import {
  exportPublicJwk,
  generateSigningKeyPair,
  signObject,
  type PublicJwk,
} from '../../../src/crypto/signing.ts';
import { ulid } from '../../../src/domain/ulid.ts';

let device: CryptoKeyPair;
let devicePublic: PublicJwk;
let lead: ReaderKeyPair;
let deputy: ReaderKeyPair;
let jobs: OpenJob[];
/** What openEnvelope (or, with a grant, openEnvelopeWithGrant) makes of each job. */
let expected: OpenOutcome[];

const payload = (n: number) => ({ type: 'incident.created', n, text: 'MARKER a child said' });

function seal(n: number, readers = [lead]): Promise<Envelope> {
  return sealEnvelope(
    {
      id: ulid(),
      school: 'sch1',
      device: 'dev1',
      seq: n,
      kind: 'incident.created',
      created: new Date().toISOString(),
      recipientSet: 1,
    },
    payload(n),
    readers.map((r) => ({ kid: r.kid, publicKey: r.publicKey })),
    device.privateKey,
  );
}

const flip = (b64: string, at = 0) => {
  const bytes = fromBase64Url(b64);
  bytes[at] = bytes[at]! ^ 0x01;
  return toBase64Url(bytes);
};

/** Changed after sealing and signed again with the device key: only the MAC or GCM can tell. */
const resigned = async (e: Envelope, change: Partial<Envelope>): Promise<Envelope> => {
  const body = unsigned({ ...e, ...change });
  return { ...body, sig: await signObject(device.privateKey, body) };
};

beforeAll(async () => {
  device = await generateSigningKeyPair(false);
  devicePublic = await exportPublicJwk(device.publicKey);
  [lead, deputy] = await Promise.all([generateReaderKeyPair(), generateReaderKeyPair()]);
  const good = await Promise.all(Array.from({ length: 2 * BATCH + 10 }, (_, i) => seal(i + 1)));
  const both = await seal(900, [lead, deputy]);
  const deputyOnly = await seal(901, [deputy]);
  const sealedBefore = await seal(902, [deputy]); // lead joined later: opens by a grant
  const grant = await grantSlot(sealedBefore, deputy, lead);
  const odd: [Envelope | string, OpenJob['grant']?][] = [
    [JSON.stringify(good[0])], // as stored: text
    [{ ...good[1]!, mac: flip(good[1]!.mac) }], // signature no longer matches
    [await resigned(both, { readers: both.readers.slice(0, 1) })], // reader list changed
    [await resigned(good[2]!, { ct: flip(good[2]!.ct, 5) })], // contents changed
    [deputyOnly], // not sealed to the lead, and no grant
    [{ ...good[3]!, iv: undefined } as unknown as Envelope], // malformed
    [sealedBefore, grant],
    ['{"not json'],
  ];
  jobs = [
    ...good.map((envelope) => ({ envelope, deviceKey: devicePublic })),
    ...odd.map(([envelope, g]) => ({
      envelope,
      deviceKey: devicePublic,
      ...(g ? { grant: g } : {}),
    })),
  ];
  expected = await Promise.all(
    jobs.map(async (job): Promise<OpenOutcome> => {
      try {
        const e = typeof job.envelope === 'string' ? JSON.parse(job.envelope) : job.envelope;
        const opened = job.grant
          ? await openEnvelopeWithGrant(e, job.grant, lead, devicePublic)
          : await openEnvelope(e, lead, devicePublic);
        return { ok: true, ...opened };
      } catch (err) {
        return { ok: false, problem: (err as Error).message };
      }
    }),
  );
});

describe('the expected outcomes themselves', () => {
  it('cover an opening, each check failing, and a grant', () => {
    const problems = expected.filter((o) => !o.ok).map((o) => (o.ok ? '' : o.problem));
    expect(problems).toEqual([
      expect.stringMatching(/signature does not match/),
      expect.stringMatching(/header or reader list was changed/),
      expect.stringMatching(/contents were changed/),
      expect.stringMatching(/not sealed to your key/),
      expect.stringMatching(/^Malformed envelope/),
      expect.any(String), // the JSON parser's own words
    ]);
    expect(expected.filter((o) => o.ok)).toHaveLength(jobs.length - problems.length);
  });
});

describe('opening on the page (no Worker here)', () => {
  it('gives every job the same outcome as openEnvelope, in order, and counts progress', async () => {
    const done: number[] = [];
    expect(await openPool().open(jobs, lead, (n) => done.push(n))).toEqual(expected);
    expect(done.at(-1)).toBe(jobs.length);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });

  it('does the same when a worker cannot even be made', async () => {
    const pool = createOpenPool(() => {
      throw new Error('no workers in this browser');
    }, 2);
    expect(await pool.open(jobs, lead)).toEqual(expected);
  });
});

/**
 * Fake workers that run the real worker entry (open-worker.ts) in this process: each
 * request is handed to its onmessage a task later, and each answer routed back by its id.
 */
const scope = globalThis as unknown as {
  onmessage: ((e: { data: OpenRequest }) => void) | null;
  postMessage?: (r: OpenResponse) => void;
};
const routes = new Map<number, FakeWorker>();
class FakeWorker implements OpenWorker {
  onmessage: OpenWorker['onmessage'] = null;
  onerror: OpenWorker['onerror'] = null;
  onmessageerror: OpenWorker['onmessageerror'] = null;
  requests: OpenRequest[] = [];
  terminated = false;
  constructor(private readonly fault?: 'clone' | 'crash') {}
  postMessage(request: OpenRequest) {
    if (this.fault === 'clone')
      throw new DOMException('CryptoKey cannot be cloned', 'DataCloneError');
    this.requests.push(request);
    routes.set(request.id, this);
    setTimeout(() =>
      this.fault === 'crash'
        ? this.onerror?.(new Event('error'))
        : scope.onmessage!({ data: request }),
    );
  }
  terminate() {
    this.terminated = true;
  }
}

describe('opening in workers', () => {
  let handler: typeof scope.onmessage;
  beforeAll(async () => {
    scope.postMessage = (r) =>
      routes.get(r.id)?.onmessage?.({ data: r } as MessageEvent<OpenResponse>);
    await import('../../../src/crypto/open-worker.ts');
    handler = scope.onmessage;
  });
  afterAll(() => {
    delete scope.postMessage;
    scope.onmessage = null;
  });

  it('shares the batches out, sends only the reader’s id and key, and keeps the order', async () => {
    scope.onmessage = handler;
    const made: FakeWorker[] = [];
    const pool = createOpenPool(() => {
      made.push(new FakeWorker());
      return made.at(-1)!;
    }, 2);
    expect(await pool.open(jobs, { ...lead, extra: 'not sent' } as ReaderKeyPair)).toEqual(
      expected,
    );
    expect(made).toHaveLength(2);
    const requests = made.flatMap((w) => w.requests);
    expect(requests).toHaveLength(Math.ceil(jobs.length / BATCH));
    expect(made.every((w) => w.requests.length > 0)).toBe(true);
    expect(requests.every((r) => r.jobs.length <= BATCH)).toBe(true);
    expect(Object.keys(requests[0]!.reader).sort()).toEqual(['kid', 'privateKey']);
  });

  it.each(['clone', 'crash'] as const)(
    'opens on the page what a worker could not (%s), and uses no worker after',
    async (fault) => {
      scope.onmessage = handler;
      const made: FakeWorker[] = [];
      const pool = createOpenPool(() => {
        made.push(new FakeWorker(fault));
        return made.at(-1)!;
      }, 2);
      const marks = performance.getEntriesByName(ON_PAGE_MARK).length;
      expect(await pool.open(jobs, lead)).toEqual(expected);
      expect(made.every((w) => w.terminated)).toBe(true);
      expect(performance.getEntriesByName(ON_PAGE_MARK)).toHaveLength(marks + 1);
      const count = made.length;
      expect(await pool.open(jobs.slice(0, 3), lead)).toEqual(expected.slice(0, 3));
      expect(made).toHaveLength(count);
    },
  );

  it('starts its workers ahead of the work when asked to, and uses those', async () => {
    scope.onmessage = handler;
    const made: FakeWorker[] = [];
    const pool = createOpenPool(() => {
      made.push(new FakeWorker());
      return made.at(-1)!;
    }, 2);
    pool.warm();
    expect(made).toHaveLength(2);
    expect(await pool.open(jobs, lead)).toEqual(expected);
    expect(made).toHaveLength(2);
    expect(made.every((w) => w.requests.length > 0)).toBe(true);
  });

  it('ends idle workers, and starts new ones for the next batch', async () => {
    scope.onmessage = handler;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const made: FakeWorker[] = [];
      const pool = createOpenPool(() => {
        made.push(new FakeWorker());
        return made.at(-1)!;
      }, 2);
      const first = pool.open(jobs.slice(0, 3), lead);
      await vi.advanceTimersByTimeAsync(0);
      expect(await first).toEqual(expected.slice(0, 3));
      expect(made.map((w) => w.terminated)).toEqual([false]);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(made.map((w) => w.terminated)).toEqual([true]);
      const second = pool.open(jobs.slice(3, 5), lead);
      await vi.advanceTimersByTimeAsync(0);
      expect(await second).toEqual(expected.slice(3, 5));
      expect(made).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
