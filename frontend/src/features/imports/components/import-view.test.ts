import { describe, expect, it } from 'vitest';
import { meAs } from '@/testing/fixtures';
import { anImport, rowError } from '@/testing/import-fixtures';
import { badRowCount, errorLines, errorsListedPartly, fileProblem, importKindsFor, importView, MAX_IMPORT_BYTES, progressPercent } from './import-view';

describe('importView', () => {
  it.each([
    [{ status: 'validating', total_rows: 0 }, 'reading'],
    [{ status: 'validating', total_rows: 120 }, 'validating'],
    [{ status: 'invalid', total_rows: 120, validated: false }, 'invalid'],
    [{ status: 'ready', total_rows: 120, validated: true }, 'ready'],
    [{ status: 'importing', total_rows: 120, validated: true }, 'importing'],
    [{ status: 'done', total_rows: 120, validated: true }, 'done'],
    // Interrupted while writing rows all found good: nothing was written, it may be confirmed again.
    [{ status: 'failed', failure: 'interrupted', validated: true }, 'retryable'],
    // Interrupted while checking: the rows were never all found good.
    [{ status: 'failed', failure: 'interrupted', validated: false }, 'failed'],
    [{ status: 'failed', failure: 'not_a_table', validated: false }, 'failed'],
    [{ status: 'failed', failure: 'internal', validated: true }, 'failed'],
    [{ status: 'failed', failure: 'too_many_rows', validated: false }, 'failed'],
  ] as const)('%o shows %s', (fields, view) => {
    expect(importView(anImport(fields))).toBe(view);
  });
});

describe('progressPercent', () => {
  it.each([
    [0, 0, 0],
    [0, 200, 0],
    [1, 200, 0],
    [100, 200, 50],
    [199, 200, 99],
    // Not 100 before the last row, however close.
    [199_999, 200_000, 99],
    [200, 200, 100],
    // Never past the end, nor below the start.
    [250, 200, 100],
    [-5, 200, 0],
  ])('%i of %i rows is %i%%', (processed, total, percent) => {
    expect(progressPercent({ processed_rows: processed, total_rows: total })).toBe(percent);
  });
});

describe('the problems of a file', () => {
  it('are listed by row, keeping the order within a row, each with its own key', () => {
    const errors = [
      rowError({ row: 7, column: 'name' }),
      rowError({ row: 3, column: 'credit_code' }),
      rowError({ row: 7, column: 'region_code' }),
      rowError({ row: 1, column: '注册资本', header: '注册资本', cell: 'M1', rule: 'unknown_field' }),
    ];
    const lines = errorLines(errors);
    expect(lines.map((l) => [l.row, l.column])).toEqual([
      [1, '注册资本'],
      [3, 'credit_code'],
      [7, 'name'],
      [7, 'region_code'],
    ]);
    expect(new Set(lines.map((l) => l.key)).size).toBe(4);
    expect(badRowCount(errors)).toBe(3);
  });

  it('say when the server listed only the first of them', () => {
    const listed = Array.from({ length: 1000 }, (_, i) => rowError({ row: i + 2 }));
    expect(errorsListedPartly(anImport({ error_count: 1000, errors: listed }))).toBe(false);
    expect(errorsListedPartly(anImport({ error_count: 1003, errors: listed }))).toBe(true);
  });
});

describe('importKindsFor', () => {
  it('offers historic qualifications to the city and the admin only', () => {
    expect(importKindsFor(meAs('admin'))).toEqual(['enterprises', 'annual_reports', 'qualifications']);
    expect(importKindsFor(meAs('city_officer'))).toEqual(['enterprises', 'annual_reports', 'qualifications']);
    expect(importKindsFor(meAs('county_officer'))).toEqual(['enterprises', 'annual_reports']);
    expect(importKindsFor(meAs('leader'))).toEqual([]);
    expect(importKindsFor(meAs('enterprise'))).toEqual([]);
  });
});

describe('fileProblem', () => {
  it('takes .xlsx and .csv files up to 20 MiB', () => {
    expect(fileProblem({ name: '企业.xlsx', size: 1 })).toBeUndefined();
    expect(fileProblem({ name: 'FIGURES.CSV', size: MAX_IMPORT_BYTES })).toBeUndefined();
    expect(fileProblem({ name: 'big.xlsx', size: MAX_IMPORT_BYTES + 1 })).toBe('tooLarge');
    expect(fileProblem({ name: 'old.xls', size: 10 })).toBe('wrongType');
    expect(fileProblem({ name: 'notes.xlsx.pdf', size: 10 })).toBe('wrongType');
    expect(fileProblem({ name: 'empty.csv', size: 0 })).toBe('empty');
  });
});
