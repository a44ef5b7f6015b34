/**
 * What the backup tests share: filling an endpoint with receipted records, running the
 * real `npm run backup` command (src/server/backup-cli.ts) while uploads carry on, and
 * proving a restored endpoint by pulling every record, opening each with the DSL's key and
 * verifying the chain (with some records erased first), then appending to it.
 */
import { spawn } from 'node:child_process';
import { expect } from 'vitest';
import { openEnvelope, type Envelope } from '../../src/crypto/envelope.ts';
import { verifyChain } from '../../src/server/chain.ts';
import type { RunningServer } from '../../src/server/start.ts';
import {
  API,
  type ErasureResponse,
  type PullResponse,
  type UploadResponse,
} from '../../src/sync/protocol.ts';
import type { Receipt } from '../../src/sync/receipt.ts';
import { seal, signedFetch, type TestDevice, type TestSchool } from './helpers.ts';

/** Uploads `n` records in batches of 10 and answers their receipts by id. */
export async function fill(
  server: { url: string },
  school: TestSchool,
  tablet: TestDevice,
  n: number,
): Promise<Map<string, Receipt>> {
  const receipts = new Map<string, Receipt>();
  for (let done = 0; done < n; done += 10) {
    const envelopes: Envelope[] = [];
    for (let i = 0; i < Math.min(10, n - done); i++) {
      envelopes.push(await seal(school, tablet, { note: `record ${done + i}` }));
    }
    const res = await signedFetch(server, tablet, 'POST', API.envelopes, { envelopes });
    for (const r of ((await res.json()) as UploadResponse).results) {
      if (r.status !== 'stored') throw new Error(`upload refused: ${JSON.stringify(r)}`);
      receipts.set(r.id, r.receipt);
    }
  }
  return receipts;
}

/** Runs the backup command as an operator would; answers its exit code and output. */
export function runBackupCli(
  env: Record<string, string>,
  file: string,
): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/backup-cli.ts', file], {
    env: { PATH: process.env.PATH, ...env },
  });
  let out = '';
  child.stdout.on('data', (c) => (out += String(c)));
  child.stderr.on('data', (c) => (out += String(c)));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

/** Every record a DSL can pull, page by page. */
export async function pullAll(server: { url: string }, dsl: TestDevice) {
  const all: PullResponse['envelopes'] = [];
  for (let after = 0; ;) {
    const res = await signedFetch(server, dsl, 'GET', `${API.envelopes}?after=${after}&limit=50`);
    const page = (await res.json()) as PullResponse;
    all.push(...page.envelopes);
    after = page.cursor;
    if (!page.more) return all;
  }
}

/** The DSL erases these records (retention); answers the erasure's response. */
export async function eraseSome(server: { url: string }, school: TestSchool, ids: string[]) {
  const res = await signedFetch(server, school.dslDevice, 'POST', API.erasures, { ids });
  expect(res.status).toBe(200);
  return (await res.json()) as ErasureResponse;
}

/**
 * The restored endpoint holds every record receipted before the backup, each opens with the
 * DSL's key and matches its receipt's log index and chain head, the chain verifies, and a
 * new upload continues the chain. Records in `erased` (erased before the backup) stay
 * erased: never pulled, yet still in the chain at their receipt's index and head.
 */
export async function expectRestored(
  restored: RunningServer,
  school: TestSchool,
  tablet: TestDevice,
  before: Map<string, Receipt>,
  erased: ReadonlySet<string> = new Set(),
): Promise<void> {
  const pulled = await pullAll(restored, school.dslDevice);
  const byId = new Map(pulled.map((p) => [p.envelope.id, p]));
  for (const [id, receipt] of before) {
    const entry = await restored.store.findLogEntry(school.id, id);
    expect(entry?.head).toBe(receipt.chainHead);
    expect(entry?.index).toBe(receipt.logIndex);
    const p = byId.get(id);
    if (erased.has(id)) {
      expect(p).toBeUndefined();
      expect(entry).toMatchObject({ body: '', erasedAt: expect.any(String) });
      continue;
    }
    expect(p?.logIndex).toBe(receipt.logIndex);
    const opened = await openEnvelope<{ note: string }>(p!.envelope, school.dsl, tablet.publicJwk);
    expect(opened.payload.note).toMatch(/^record \d+$/);
  }
  const length = pulled.length + erased.size;
  const chain = await verifyChain(restored.store, school.id);
  expect(chain).toMatchObject({ ok: true, length });
  const next = await fill(restored, school, tablet, 1);
  expect([...next.values()][0]!.logIndex).toBe(length + 1);
  expect((await verifyChain(restored.store, school.id)).ok).toBe(true);
}
