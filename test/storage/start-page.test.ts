/**
 * The service worker's answer to a start page's navigation: the shell with the PIN screen's
 * summary written in, which the entry script reads instead of the database. It must hold
 * what the PIN screen shows and nothing more (no keys, no salts), survive any name a person
 * types, keep the shell's headers, and never hold the page up when the read is slow.
 */
import { describe, expect, it } from 'vitest';
import { withStartSummary } from '../../sw/start-page.ts';
import { SafetrailDb } from '../../src/storage/db.ts';
import { saveDevice } from '../../src/storage/device-repo.ts';
import { saveProfile } from '../../src/storage/profile-repo.ts';
import { readStartRows } from '../../src/storage/start-read.ts';
import { parseSummary, START_SUMMARY_ID } from '../../src/storage/start-summary.ts';
import { deviceRecord, profileRecord, uniqueName } from './support.ts';

const SHELL = `<!doctype html><html><head><script type="module" src="/assets/index.js"></script></head><body><div id="app"></div></body></html>`;
const CSP = "default-src 'self'; script-src 'self'";
const shell = () =>
  Promise.resolve(
    new Response(SHELL, {
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP },
    }),
  );

/** The summary's text as the page would find it in the returned document. */
function blockText(html: string): string | null {
  const m = new RegExp(
    `<script type="application/json" id="${START_SUMMARY_ID}">(.*?)</script>`,
  ).exec(html);
  return m ? m[1]! : null;
}

async function enrolledTablet(names: string[]) {
  const name = uniqueName();
  const db = new SafetrailDb(name);
  await saveDevice(
    db,
    await deviceRecord({ schoolName: 'Oak Hill Primary', name: 'Coach tablet' }),
  );
  for (const [i, n] of names.entries()) {
    await saveProfile(db, profileRecord(`p${i}`, n));
  }
  return { db, read: () => readStartRows(name) };
}

describe('a start page answered with its PIN screen’s summary', () => {
  it('writes in the school, the tablet and who can unlock it, and no key or salt', async () => {
    const { db, read } = await enrolledTablet(['Sam Teacher', 'Alex Teacher']);
    try {
      const response = await withStartSummary(shell(), read);
      expect(response.headers.get('content-security-policy')).toBe(CSP);
      expect(response.headers.get('content-type')).toContain('text/html');
      const html = await response.text();
      expect(html.startsWith(SHELL.slice(0, SHELL.indexOf('<div id="app">')))).toBe(true);
      expect(html.endsWith('<div id="app"></div></body></html>')).toBe(true);
      const summary = parseSummary(blockText(html)!);
      expect(summary).toEqual({
        device: { schoolName: 'Oak Hill Primary', name: 'Coach tablet', role: 'tablet' },
        profiles: [
          { id: 'p0', name: 'Sam Teacher' },
          { id: 'p1', name: 'Alex Teacher' },
        ],
      });
      expect(html).not.toMatch(/salt|wrappedKey|signingKey|vaultKey|recipientSet|endpoint/);
    } finally {
      await db.delete();
    }
  });

  it('keeps a name that looks like markup inside the data block, as text', async () => {
    const odd = 'Jo </script><script>alert(1)</script> & <b>Lee</b>';
    const { db, read } = await enrolledTablet([odd]);
    try {
      const html = await (await withStartSummary(shell(), read)).text();
      expect(html.match(/<script/g)).toHaveLength(2); // the shell's own and the data block
      expect(parseSummary(blockText(html)!)?.profiles[0]?.name).toBe(odd);
    } finally {
      await db.delete();
    }
  });

  it('sends the shell without a summary where there is no database yet', async () => {
    const html = await (await withStartSummary(shell(), () => readStartRows(uniqueName()))).text();
    expect(html).toBe(SHELL);
  });

  it('does not wait long for a read that does not answer', async () => {
    const html = await (await withStartSummary(shell(), () => new Promise(() => {}))).text();
    expect(html).toBe(SHELL);
  });

  it('passes an error response through untouched', async () => {
    const missing = Promise.resolve(new Response('Not found', { status: 404 }));
    const response = await withStartSummary(missing, () => Promise.resolve(null));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not found');
  });
});

describe('parseSummary', () => {
  it('refuses anything that is not a summary, so the page reads for itself', () => {
    for (const text of [
      '',
      'not json',
      'null',
      '{"device":null}',
      '{"device":{"schoolName":"A","name":"B","role":"admin"},"profiles":[]}',
      '{"device":null,"profiles":[{"id":1,"name":"Sam"}]}',
    ]) {
      expect(parseSummary(text)).toBeNull();
    }
    expect(parseSummary('{"device":null,"profiles":[]}')).toEqual({ device: null, profiles: [] });
  });
});
