// A screen's <h2>, focused when the screen opens so that keyboard and screen-reader users land on it.
import { useEffect, useRef, type ReactNode } from 'react';

export function ScreenHeading({ children, testId }: { children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h2 ref={ref} tabIndex={-1} data-testid={testId} className="screen-heading">
      {children}
    </h2>
  );
}
