/**
 * "Last seen" in the device list: set by a device's signed requests, to the minute. A
 * device seen less than a minute ago is not written again (a backlog sync would otherwise
 * cost a write per request); past the minute, it is.
 */
import { describe, expect, it } from 'vitest';
import { API, type DeviceInfo } from '../../src/sync/protocol.ts';
import { withSchool } from './enrolled-school.ts';
import { enrolTablet, signedFetch } from './helpers.ts';

describe('when a device was last seen', () => {
  // Near the real time: the helpers that set the school up sign with the real clock.
  const start = Date.now();
  let clock = start;
  const env = withSchool({
    rateLimit: { perMinute: 0, burst: 1 },
    now: () => clock,
  });

  async function lastSeen(id: string): Promise<string | null> {
    const res = await signedFetch(env.server, env.school.dslDevice, 'GET', API.devices, undefined, {
      now: clock,
    });
    const { devices } = (await res.json()) as { devices: DeviceInfo[] };
    return devices.find((d) => d.id === id)!.lastSeenAt;
  }

  it('is the time of its first request, kept within the minute, then moved on', async () => {
    const tablet = await enrolTablet(env.server, env.school, 'Trip tablet');
    const ask = async () => {
      const res = await signedFetch(env.server, tablet, 'GET', API.deviceSelf, undefined, {
        now: clock,
      });
      expect(res.status).toBe(200);
    };
    const at = (ms: number) => new Date(start + ms).toISOString();
    await ask();
    expect(await lastSeen(tablet.id)).toBe(at(0));
    clock += 59_000;
    await ask();
    expect(await lastSeen(tablet.id)).toBe(at(0));
    clock += 2_000;
    await ask();
    expect(await lastSeen(tablet.id)).toBe(at(61_000));
  });
});
