import type { ObjectionInput } from '../api/lodge-objection';

/** The attachment rules the server applies to evidence: PDF, JPEG or PNG, at most 3, 20 MiB in all. */
export const EVIDENCE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const EVIDENCE_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png'] as const;
export const MAX_EVIDENCE_FILES = 3;
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

export const NAME_MIN = 2;
export const NAME_MAX = 50;
export const REASONS_MIN = 10;
export const REASONS_MAX = 2000;

/** PHONE_PATTERN is the server's: digits, spaces and dashes, an optional leading +, 7 to 20 characters. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 -]{5,18}[0-9]$/;

export type EvidenceProblem = 'type' | 'count' | 'size';

type FileLike = Pick<File, 'name' | 'type' | 'size'>;

/** isEvidenceType accepts a file by its type, or by its extension when the browser names no type. */
export function isEvidenceType(file: Pick<File, 'name' | 'type'>): boolean {
  if (file.type) return (EVIDENCE_TYPES as readonly string[]).includes(file.type);
  const name = file.name.toLowerCase();
  return EVIDENCE_EXTENSIONS.some((ext) => name.endsWith(ext));
}

/** evidenceProblem is the first rule the chosen files break, or undefined; the server checks the content again. */
export function evidenceProblem(files: readonly FileLike[]): EvidenceProblem | undefined {
  if (files.some((f) => !isEvidenceType(f))) return 'type';
  if (files.length > MAX_EVIDENCE_FILES) return 'count';
  if (files.reduce((sum, f) => sum + f.size, 0) > MAX_EVIDENCE_BYTES) return 'size';
  return undefined;
}

export type ObjectionFormValues = { name?: string; phone?: string; reasons?: string; files?: { originFileObj?: File }[] };

/** toObjectionInput is what the form sends: trimmed texts and the chosen files. */
export function toObjectionInput(applicationId: number, values: ObjectionFormValues): ObjectionInput {
  return {
    application_id: applicationId,
    name: (values.name ?? '').trim(),
    phone: (values.phone ?? '').trim(),
    reasons: (values.reasons ?? '').trim(),
    files: (values.files ?? []).flatMap((f) => (f.originFileObj ? [f.originFileObj] : [])),
  };
}

/** formatBytes shows a size in KB or MB, for the evidence list. */
export function formatBytes(bytes: number, lang: string): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(mb)} MB`;
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}
