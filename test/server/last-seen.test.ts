/**
 * "Last seen" and "last sync" in the device list: set by a device's signed requests and by
 * its uploads that delivered something, to the minute. A time less than a minute old is
 * not written again (a backlog sync would otherwise cost a write per request); past the
 * minute, it is.
 */
import { describe, expect, it } from 'vitest';
import { API, type DeviceInfo, type UploadResponse } from '../../src/sync/protocol.ts';
import { withSchool } from './enrolled-school.ts';
import { enrolTablet, seal, signedFetch } from './helpers.ts';

describe('when a device was last seen', () => {
  // Near the real time: the helpers that set the school up sign with the real clock.
  const start = Date.now();
  let clock = start;
  const env = withSchool({
    rateLimit: { perMinute: 0, burst: 1 },
    now: () => clock,
  });

  async function listed(id: string): Promise<DeviceInfo> {
    const res = await signedFetch(env.server, env.school.dslDevice, 'GET', API.devices, undefined, {
      now: clock,
    });
    const { devices } = (await res.json()) as { devices: DeviceInfo[] };
    return devices.find((d) => d.id === id)!;
  }
  const lastSeen = async (id: string) => (await listed(id)).lastSeenAt;
  const at = (ms: number) => new Date(start + ms).toISOString();

  it('is the time of its first request, kept within the minute, then moved on', async () => {
    const tablet = await enrolTablet(env.server, env.school, 'Trip tablet');
    const ask = async () => {
      const res = await signedFetch(env.server, tablet, 'GET', API.deviceSelf, undefined, {
        now: clock,
      });
      expect(res.status).toBe(200);
    };
    await ask();
    expect(await lastSeen(tablet.id)).toBe(at(0));
    clock += 59_000;
    await ask();
    expect(await lastSeen(tablet.id)).toBe(at(0));
    clock += 2_000;
    await ask();
    expect(await lastSeen(tablet.id)).toBe(at(61_000));
  });

  it('says when it last delivered a record, kept within the minute, then moved on', async () => {
    clock = start;
    const tablet = await enrolTablet(env.server, env.school, 'Library tablet');
    const deliver = async () => {
      const body = JSON.stringify({ envelopes: [await seal(env.school, tablet)] });
      const res = await signedFetch(env.server, tablet, 'POST', API.envelopes, body, {
        now: clock,
      });
      const { results } = (await res.json()) as UploadResponse;
      expect(results.map((r) => r.status)).toEqual(['stored']);
    };
    expect((await listed(tablet.id)).lastSyncAt).toBeNull();
    await deliver();
    expect((await listed(tablet.id)).lastSyncAt).toBe(at(0));
    clock += 59_000;
    await deliver();
    expect((await listed(tablet.id)).lastSyncAt).toBe(at(0));
    clock += 2_000;
    await deliver();
    expect((await listed(tablet.id)).lastSyncAt).toBe(at(61_000));
  });
});
