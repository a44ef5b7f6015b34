/**
 * Requests per device, as a token bucket: each device may make `burst` requests at once and
 * then `perMinute` a minute, so a tablet catching up after a week offline (a few dozen
 * batches) is never held back, while a device stuck in a loop, or a stolen key hammering
 * the endpoint, is answered 429 with Retry-After and cannot starve the school's other
 * devices. Buckets are counted only once a request's signature holds (auth.ts), so junk
 * naming a device id cannot use up that device's allowance. Memory only and bounded:
 * buckets that have refilled completely are forgotten first.
 */
export interface RateLimitOptions {
  /** Requests a device may make a minute, on average; 0 switches the limit off. */
  perMinute: number;
  /** Requests a device may make at once before the rate applies. */
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perMinute: 300, burst: 60 };

const MAX_BUCKETS = 20_000;

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly options: RateLimitOptions = DEFAULT_RATE_LIMIT) {}

  /** Takes one token for `key`: 0 if allowed, else the seconds until one is free. */
  take(key: string, now: number): number {
    const { perMinute, burst } = this.options;
    if (perMinute <= 0) return 0;
    const perMs = perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + Math.max(0, now - b.at) * perMs);
    b.at = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      this.buckets.set(key, b);
      if (this.buckets.size > MAX_BUCKETS) this.prune(now);
      return 0;
    }
    this.buckets.set(key, b);
    return Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000));
  }

  /** Forgets buckets that would be full by now: forgetting them changes nothing. */
  private prune(now: number): void {
    const { perMinute, burst } = this.options;
    const perMs = perMinute / 60_000;
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) * perMs >= burst) this.buckets.delete(key);
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}
