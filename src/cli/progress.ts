// A one-line progress indicator on stderr, shown only to a person at a terminal and only for large files.
const MIN_BYTES = 4 * 1024 * 1024;

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): {
  update(done: number, total: number): void;
  clear(): void;
} {
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      if (!stream.isTTY || total < MIN_BYTES) return;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      shown = true;
      const pct = Math.min(100, Math.floor((done / total) * 100));
      stream.write(`\rReading… ${pct}% (${(done / 1e6).toFixed(1)} of ${(total / 1e6).toFixed(1)} MB)`);
    },
    clear() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
