import type { FieldError } from '@/lib/api/errors';

export type ResultLineError = { key: string; line: number | null; field: string; message: string };

const ROW_FIELD = /^rows\[(\d+)\]\.(\w+)$/;

/**
 * resultLineErrors reads a refused list's field errors: `rows[i].credit_code` is the list's
 * line i + 1 (counting its non-empty lines below the header); anything else (the file) has no line.
 */
export function resultLineErrors(fields: FieldError[]): ResultLineError[] {
  return fields
    .map((f, i) => {
      const m = ROW_FIELD.exec(f.field);
      return m ? { key: `${i}`, line: Number(m[1]) + 1, field: m[2] ?? f.field, message: f.message } : { key: `${i}`, line: null, field: f.field, message: f.message };
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
