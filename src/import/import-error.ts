// What stops a file from being read: a ServiceError whose code says which of the import's failures it is, with a
// sentence for people.
import { ServiceError } from '../shared/errors.js';

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

export class ImportError extends ServiceError {
  constructor(
    override readonly code: ImportErrorCode,
    message: string,
  ) {
    super(code, message);
    this.name = 'ImportError';
  }
}
