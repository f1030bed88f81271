// A field's hint with its problem, if any, in front: the fields tie their hint to the control with
// aria-describedby, so the problem is read with the field it is about.
import type { ReactNode } from 'react';

export function hintWith(error: string | undefined, hint: ReactNode, testId: string): ReactNode {
  if (!error) return hint;
  return (
    <>
      <span className="notices-field-error" data-testid={`${testId}-error`}>
        <span aria-hidden="true">✗ </span>
        {error}
      </span>
      {hint ? <> {hint}</> : null}
    </>
  );
}
