// Write to stdout and wait until it is flushed, so a large report is not cut short when the process exits.
export function writeOut(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (err) => (err ? reject(err) : resolve()));
  });
}
