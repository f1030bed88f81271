// Where the importer gives the file: drop a Connections.csv or the LinkedIn archive (.zip), choose it with the file
// picker, or type its path. In Electron the preload's pathForFile gives a dropped file's path; a plain browser
// has no paths, so there the text field is the way (the browser tests use it).
import { useId, useState, type DragEvent } from 'react';
import { pathForFile } from '../api.js';

export function DropZone({ onPath, disabled }: { onPath(path: string): void; disabled?: boolean }) {
  const [over, setOver] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const take = (file: File | undefined) => {
    if (!file) return;
    const path = pathForFile(file);
    if (path) {
      setProblem(null);
      onPath(path);
    } else setProblem(`The path of “${file.name}” cannot be read here: type it in the field below.`);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    if (!disabled) take(e.dataTransfer.files[0]);
  };
  return (
    <div
      className={`drop-zone ${over ? 'over' : ''}`}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p>
        <strong>Drop your LinkedIn export here</strong>: <code>Connections.csv</code>, or the whole archive (<code>.zip</code>) LinkedIn sent you.
      </p>
      <input id={id} type="file" accept=".csv,.zip,.txt,text/csv,application/zip" className="visually-hidden-input" data-testid="import-file" disabled={disabled} onChange={(e) => take(e.target.files?.[0])} />
      <label htmlFor={id} className="file-button">
        Or choose the file…
      </label>
      {problem ? (
        <p className="hint warn-text">
          <span aria-hidden="true">⚠ </span>
          {problem}
        </p>
      ) : null}
    </div>
  );
}
