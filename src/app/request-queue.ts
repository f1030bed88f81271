// Requests run one at a time: the vault has one SQLite connection, and a long import holds its transaction across
// awaits; anything else waits its turn rather than interleaving with it. A failed request does not stop the queue.
export class RequestQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => {});
    return result;
  }
}
