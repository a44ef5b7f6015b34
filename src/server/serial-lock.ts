/**
 * Runs async tasks one at a time, in arrival order. The log append reads the tail, signs a
 * receipt (async WebCrypto) and then writes; the store's compare-and-append keeps that
 * correct on its own, and this lock just stops concurrent uploads from wasting signatures
 * on retries.
 */
export class SerialLock {
  private last: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.last.then(task, task);
    // The chain continues whether this task fails or not.
    this.last = result.catch(() => undefined);
    return result;
  }
}
