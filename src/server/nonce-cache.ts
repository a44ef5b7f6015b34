/**
 * Nonces seen within the replay window. A signed request is refused if its timestamp is
 * outside the window, so a nonce only has to be remembered for that long; older entries
 * are dropped. The map is bounded: when it is full of live nonces the endpoint refuses new
 * requests for a moment rather than forgetting one (forgetting would allow a replay).
 * Memory only: after a restart the window (minutes) still bounds what could be replayed.
 */
export class NonceCache {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly maxEntries = 100_000,
  ) {}

  has(key: string, now: number): boolean {
    const expiry = this.seen.get(key);
    return expiry !== undefined && expiry > now;
  }

  /** Records the nonce; 'replayed' if it is already live, 'full' if there is no room. */
  add(key: string, now: number): 'added' | 'replayed' | 'full' {
    if (this.has(key, now)) return 'replayed';
    this.prune(now);
    if (this.seen.size >= this.maxEntries) return 'full';
    // A request may be stamped up to one window in the future, so keep it for two.
    // Delete first so the entry moves to the end and the map stays in expiry order.
    this.seen.delete(key);
    this.seen.set(key, now + 2 * this.windowMs);
    return 'added';
  }

  private prune(now: number): void {
    // Map iteration is insertion order and expiries only grow, so stop at the first live
    // one: amortised constant work per request.
    for (const [key, expiry] of this.seen) {
      if (expiry > now) break;
      this.seen.delete(key);
    }
  }

  get size(): number {
    return this.seen.size;
  }
}
