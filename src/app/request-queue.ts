// Requests run one at a time: the vault has one SQLite connection, and a long import holds its transaction across
// awaits; anything else waits its turn rather than interleaving with it. A failed request does not stop the queue.
export class RequestQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private running = 0;

  /** Whether a request is running or waiting. */
  get busy(): boolean {
    return this.running > 0;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    this.running++;
    const result = this.tail.then(task).finally(() => this.running--);
    this.tail = result.catch(() => {});
    return result;
  }
}
