import type { Import, ImportRowError } from '@/features/imports/api/get-import';

/** anImport is an import as the API answers it: by default a file of enterprises whose rows are being checked. */
export function anImport(overrides: Partial<Import> = {}): Import {
  return {
    id: 5,
    kind: 'enterprises',
    filename: '企业名录.csv',
    format: 'csv',
    status: 'validating',
    failure: null,
    failure_message: null,
    validated: false,
    total_rows: 0,
    processed_rows: 0,
    error_count: 0,
    errors: [],
    created_count: 0,
    updated_count: 0,
    created_by: 'city',
    created_at: '2025-03-01T02:00:00Z',
    updated_at: '2025-03-01T02:00:00Z',
    finished_at: null,
    ...overrides,
  };
}

export function rowError(overrides: Partial<ImportRowError> = {}): ImportRowError {
  return {
    row: 3,
    column: 'credit_code',
    header: '统一社会信用代码',
    cell: 'B3',
    rule: 'credit_code_check',
    message: '统一社会信用代码校验位不正确',
    ...overrides,
  };
}
