// A labelled progress bar for long work reported through onProgress (records read of the file's total).
import { useId } from 'react';

export function ProgressBar({ label, done, total, testId }: { label: string; done: number; total: number; testId?: string }) {
  const id = useId();
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div className="progress" data-testid={testId}>
      <label htmlFor={id}>{label}</label>
      <progress id={id} max={100} value={percent} aria-valuetext={`${percent}%`} />
      <span className="hint">{percent}%</span>
    </div>
  );
}
