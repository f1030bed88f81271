// Hard limits that turn hostile or broken input into a clear error instead of a hang or an out-of-memory crash.

export interface ImportLimits {
  /** Largest plain file, or uncompressed ZIP entry, we read. LinkedIn caps connections at 30,000 (a few MB). */
  maxFileBytes: number;
  /** Excel's own limit for one cell; nothing LinkedIn writes comes close. */
  maxCellChars: number;
  /** A record (possibly spanning lines) longer than this is treated as an unclosed quote. */
  maxRecordChars: number;
  /** Columns in the header row. */
  maxColumns: number;
  /** Lines searched for the header row. */
  maxHeaderSearchLines: number;
  /** ZIP: number of entries in the central directory. */
  maxZipEntries: number;
  /** ZIP: sum of the declared uncompressed sizes. */
  maxZipTotalBytes: number;
  /** ZIP: largest declared uncompressed/compressed ratio of an entry bigger than 1 MiB. */
  maxZipRatio: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 1024 * 1024 * 1024,
  maxCellChars: 32_767,
  maxRecordChars: 1024 * 1024,
  maxColumns: 256,
  maxHeaderSearchLines: 50,
  maxZipEntries: 10_000,
  maxZipTotalBytes: 4 * 1024 * 1024 * 1024,
  maxZipRatio: 200,
};
