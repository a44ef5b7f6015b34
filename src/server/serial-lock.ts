/**
 * Runs async tasks one at a time, in arrival order. The log append reads the tail, signs a
 * receipt (async WebCrypto) and then writes; the store's compare-and-append keeps that
 * correct on its own, and this lock just stops concurrent uploads from wasting signatures
 * on retries.
 *
 * It also says whether anything ran in between two moments, so an upload can read the log
 * before its turn (while its signatures are checked) and use that reading only if no other
 * append of this process could have changed the log meanwhile.
 */
export class SerialLock {
  private last: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private finished = 0;

  run<T>(task: () => Promise<T>): Promise<T> {
    this.pending++;
    const settle = () => {
      this.pending--;
      this.finished++;
    };
    const result = this.last.then(task, task).finally(settle);
    // The chain continues whether this task fails or not.
    this.last = result.catch(() => undefined);
    return result;
  }

  /** A mark for unchangedSince, or null while a task is queued or running. */
  idleMark(): number | null {
    return this.pending === 0 ? this.finished : null;
  }

  /** True if no task has finished since `mark` was taken. */
  unchangedSince(mark: number): boolean {
    return this.finished === mark;
  }
}
