// One error type for everything that stops a file from being read, with a code for programs and a sentence for people.

export type ImportErrorCode =
  | 'not-found'
  | 'unreadable'
  | 'empty-file'
  | 'too-large'
  | 'not-connections'
  | 'no-header'
  | 'too-many-columns'
  | 'zip-invalid'
  | 'zip-bomb'
  | 'zip-encrypted'
  | 'zip-no-connections'
  | 'zip-entry-not-found';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
