import type { Me } from '@/features/auth/api/get-me';
import type { Import, ImportKind, ImportRowError } from '../api/get-import';

/** IMPORT_KINDS are the kinds of import, in the order the page offers them. */
export const IMPORT_KINDS = ['enterprises', 'annual_reports', 'qualifications'] as const satisfies readonly ImportKind[];

/** importKindsFor mirrors the server's rule: officers import the registry and figures, the city and the admin historic qualifications too. */
export function importKindsFor(me: Pick<Me, 'role'>): ImportKind[] {
  switch (me.role) {
    case 'admin':
    case 'city_officer':
      return [...IMPORT_KINDS];
    case 'county_officer':
      return ['enterprises', 'annual_reports'];
    default:
      return [];
  }
}

export const isImportKind = (value: unknown): value is ImportKind => (IMPORT_KINDS as readonly unknown[]).includes(value);

/**
 * ImportView is what the page shows of an import:
 * - `reading`: its job has not counted the rows yet;
 * - `validating` / `importing`: a progress bar;
 * - `invalid`: the bad rows, nothing written, upload a fixed file;
 * - `ready`: what would be written, and the confirmation;
 * - `done`: what was written;
 * - `retryable`: the write was interrupted after every row was found good (it wrote nothing): confirm again;
 * - `failed`: the file could not be read or the job failed: upload again.
 */
export type ImportView = 'reading' | 'validating' | 'invalid' | 'ready' | 'importing' | 'done' | 'retryable' | 'failed';

export function importView(im: Pick<Import, 'status' | 'failure' | 'validated' | 'total_rows'>): ImportView {
  switch (im.status) {
    case 'validating':
      return im.total_rows > 0 ? 'validating' : 'reading';
    case 'importing':
    case 'invalid':
    case 'ready':
    case 'done':
      return im.status;
    case 'failed':
      return im.failure === 'interrupted' && im.validated ? 'retryable' : 'failed';
  }
}

/** progressPercent is how far a running job is, 0–100 in whole percent: never 100 before the last row, nor past it. */
export function progressPercent(im: Pick<Import, 'processed_rows' | 'total_rows'>): number {
  if (im.total_rows <= 0) return 0;
  const done = Math.min(Math.max(im.processed_rows, 0), im.total_rows);
  if (done === im.total_rows) return 100;
  return Math.min(99, Math.floor((done * 100) / im.total_rows));
}

/** errorsListedPartly says whether the server listed only the first of the problems (it keeps 1,000). */
export const errorsListedPartly = (im: Pick<Import, 'error_count' | 'errors'>) => im.error_count > im.errors.length;

/** badRowCount is how many rows the listed problems are in. */
export const badRowCount = (errors: readonly Pick<ImportRowError, 'row'>[]) => new Set(errors.map((e) => e.row)).size;

export type ErrorLine = ImportRowError & { key: string };

/** errorLines gives each listed problem a stable key, in file order (by row, then as the server listed them). */
export function errorLines(errors: readonly ImportRowError[]): ErrorLine[] {
  // The sort is stable: problems of one row keep the server's order.
  return errors.map((e, i) => ({ ...e, key: `${e.row}-${e.column}-${i}` })).sort((a, b) => a.row - b.row);
}

/** MAX_IMPORT_BYTES is the server's limit on a file (20 MiB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const IMPORT_ACCEPT = '.xlsx,.csv';

export type FileProblem = 'tooLarge' | 'wrongType' | 'empty';

/** fileProblem is what the page can tell of a file before sending it; the server checks the content. */
export function fileProblem(file: Pick<File, 'name' | 'size'>): FileProblem | undefined {
  if (!/\.(xlsx|csv)$/i.test(file.name)) return 'wrongType';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_IMPORT_BYTES) return 'tooLarge';
  return undefined;
}
