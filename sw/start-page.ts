/**
 * A start page's navigation answered with the app's shell and, written into it, the summary
 * its PIN screen is drawn from (src/storage/start-summary.ts). The shell's head goes out at
 * once, so the browser fetches the scripts and styles while the database is read; the rest
 * follows with the summary. A read that fails or is slow leaves the summary out, and the
 * page reads for itself.
 */
import { readStartRows, type StartRows } from '../src/storage/start-read.ts';
import { rowsWithin } from '../src/storage/start-read.ts';
import { summarise, summaryBlock } from '../src/storage/start-summary.ts';

/** Longer than a cold read takes; short enough that the page is never held up for long. */
const MAX_WAIT_FOR_ROWS_MS = 500;

const MARK = '<div id="app">';

export async function withStartSummary(
  shell: Promise<Response>,
  readRows: () => Promise<StartRows | null> = () => readStartRows(),
): Promise<Response> {
  const rows = rowsWithin(readRows(), MAX_WAIT_FOR_ROWS_MS);
  const response = await shell;
  if (!response.ok) return response;
  const html = await response.text();
  const cut = html.indexOf(MARK);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  const init = { status: response.status, statusText: response.statusText, headers };
  if (cut < 0) return new Response(html, init);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(html.slice(0, cut)));
      const read = await rows.catch(() => null);
      controller.enqueue(
        encoder.encode((read ? summaryBlock(summarise(read)) : '') + html.slice(cut)),
      );
      controller.close();
    },
  });
  return new Response(body, init);
}
