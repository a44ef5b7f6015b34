/**
 * A fault-injecting network between the real API client and a real endpoint: a `fetch` to
 * hand to createApiClient that, on a seeded share of calls, drops the connection before
 * the request, drops it after the endpoint has committed (the answer is read and thrown
 * away), cuts the request body or the answer mid-way, sends the request twice, duplicates
 * or corrupts the results, answers with an earlier call's answer, or just waits. Every
 * fault is something a school's Wi-Fi, a captive portal or a proxy really does.
 */
import { int, pick, type Rng } from './fuzz-junk.ts';

export const FAULTS = [
  'drop-before',
  'drop-after-commit',
  'cut-request',
  'cut-response',
  'duplicate-request',
  'duplicate-results',
  'stale-response',
  'corrupt-receipt',
  'delay',
] as const;
export type Fault = (typeof FAULTS)[number] | 'none';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const networkError = () => new TypeError('fetch failed');
const json = (value: unknown, status = 200) =>
  new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });

/** A body that yields the first part of `text` and then fails, as a dropped connection does. */
function cutStream(text: string, r: Rng): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const cut = int(r, Math.max(1, bytes.length));
  return new ReadableStream({
    start(controller) {
      if (cut > 0) controller.enqueue(bytes.slice(0, cut));
      controller.error(networkError());
    },
  });
}

const flipFirst = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);

/** A request body that sends its first part, waits a moment, then fails mid-way. */
function cutRequestBody(text: string, r: Rng): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const part = bytes.slice(0, Math.max(1, int(r, bytes.length)));
  let sent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(part);
        return;
      }
      await sleep(5);
      controller.error(networkError());
    },
  });
}

export interface FaultyFetch {
  fetch: typeof fetch;
  /** How often each fault was injected. */
  counts: Map<Fault, number>;
}

/** Each call suffers a fault with probability `rate`, drawn from `r`. */
export function faultyFetch(r: Rng, rate = 0.5): FaultyFetch {
  const counts = new Map<Fault, number>();
  const earlier: string[] = [];
  const real = (input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init);
  const faulty: typeof fetch = async (input, init) => {
    const fault: Fault = r() < rate ? pick(r, FAULTS) : 'none';
    counts.set(fault, (counts.get(fault) ?? 0) + 1);
    switch (fault) {
      case 'drop-before':
        throw networkError();
      case 'drop-after-commit':
        await (await real(input, init)).arrayBuffer();
        throw networkError();
      case 'cut-request': {
        // The endpoint is told the whole length, gets part of it, then the connection drops.
        const text = String(init?.body ?? '');
        const headers = { ...(init?.headers as Record<string, string>) };
        headers['content-length'] = String(new TextEncoder().encode(text).length);
        const body = cutRequestBody(text, r);
        const sent = { ...init, headers, body, duplex: 'half' } as RequestInit;
        await real(input, sent).then(
          (res) => res.arrayBuffer(),
          () => undefined,
        );
        throw networkError();
      }
      case 'cut-response': {
        const res = await real(input, init);
        return new Response(cutStream(await res.text(), r), { status: res.status });
      }
      case 'duplicate-request': {
        // The same bytes twice, nonce and all: one is stored, the other is a replay.
        const both = await Promise.all([real(input, init), real(input, init)]);
        const texts = await Promise.all(both.map((res) => res.text()));
        const i = int(r, 2);
        return new Response(texts[i], { status: both[i]!.status, headers: both[i]!.headers });
      }
      case 'stale-response':
        if (earlier.length > 0) {
          await (await real(input, init)).arrayBuffer();
          return new Response(pick(r, earlier), { status: 200 });
        }
        return real(input, init);
      case 'delay':
        await sleep(int(r, 25));
        return real(input, init);
      case 'none':
        break;
      default: {
        const res = await real(input, init);
        const text = await res.text();
        if (res.status !== 200) return new Response(text, { status: res.status });
        const body = JSON.parse(text) as { results: { receipt?: { sig: string } }[] };
        if (fault === 'duplicate-results')
          body.results = [...body.results, ...body.results].reverse();
        else
          for (const x of body.results)
            if (x.receipt) x.receipt = { ...x.receipt, sig: flipFirst(x.receipt.sig) };
        return json(body);
      }
    }
    const res = await real(input, init);
    const text = await res.text();
    if (res.status === 200) earlier.push(text);
    if (earlier.length > 20) earlier.shift();
    return new Response(text, { status: res.status, headers: res.headers });
  };
  return { fetch: faulty, counts };
}
