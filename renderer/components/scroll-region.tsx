// A scrolling box around a wide or long table: focusable and named, so keyboard users can scroll it too.
import type { ReactNode } from 'react';

export function ScrollRegion({ label, tall = false, children }: { label: string; tall?: boolean; children: ReactNode }) {
  return (
    <div className={`table-scroll ${tall ? 'tall' : ''}`} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
