/**
 * What a locked tablet's PIN screen shows (the school, the tablet, who can unlock it), cut
 * from the start rows (start-read.ts). The service worker reads the rows as it answers a
 * start page's navigation and writes this summary into the page as a JSON data block, so
 * the entry script draws the PIN screen without a database round trip of its own: on a
 * tablet's cold start the worker's read runs while the browser is still starting the page.
 *
 * The block is data, never script (the page's CSP runs no inline script), holds no key and
 * no incident content, is made afresh for each navigation and never cached, and the entry
 * script removes it from the page once read.
 */
import type { DeviceRecord, StaffProfileRecord } from './records.ts';
import type { StartRows } from './start-read.ts';

export interface StartSummary {
  device: Pick<DeviceRecord, 'schoolName' | 'name' | 'role'> | null;
  profiles: Pick<StaffProfileRecord, 'id' | 'name'>[];
}

export const START_SUMMARY_ID = 'safetrail-start';

export function summarise(rows: StartRows): StartSummary {
  const { device, profiles } = rows;
  return {
    device: device ? { schoolName: device.schoolName, name: device.name, role: device.role } : null,
    profiles: profiles.map(({ id, name }) => ({ id, name })),
  };
}

/** The data block for the page; `<` is escaped so no name can close the element early. */
export function summaryBlock(summary: StartSummary): string {
  const json = JSON.stringify(summary).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${START_SUMMARY_ID}">${json}</script>`;
}

const isText = (v: unknown): v is string => typeof v === 'string';

/**
 * The summary in a data block's text; null when it is not one (an older worker wrote it, or
 * something else did), and the page reads for itself.
 */
export function parseSummary(text: string): StartSummary | null {
  try {
    const s = JSON.parse(text) as StartSummary;
    const d = s.device;
    const deviceOk =
      d === null ||
      (isText(d?.schoolName) && isText(d.name) && ['tablet', 'dsl', 'office'].includes(d.role));
    const profilesOk =
      Array.isArray(s.profiles) && s.profiles.every((p) => isText(p?.id) && isText(p.name));
    return deviceOk && profilesOk ? { device: d, profiles: s.profiles } : null;
  } catch {
    return null;
  }
}
