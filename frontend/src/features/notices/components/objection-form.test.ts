import { describe, expect, it } from 'vitest';
import { evidenceProblem, formatBytes, isEvidenceType, MAX_EVIDENCE_BYTES, PHONE_PATTERN, toObjectionInput } from './objection-form';

const file = (name: string, type: string, size = 1000) => ({ name, type, size });

describe('evidence checks', () => {
  it('accepts PDF, JPEG and PNG, by type or, without one, by extension', () => {
    expect(isEvidenceType(file('a.pdf', 'application/pdf'))).toBe(true);
    expect(isEvidenceType(file('a.jpg', 'image/jpeg'))).toBe(true);
    expect(isEvidenceType(file('a.png', 'image/png'))).toBe(true);
    expect(isEvidenceType(file('A.JPEG', ''))).toBe(true);
    expect(isEvidenceType(file('a.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'))).toBe(false);
    expect(isEvidenceType(file('a.pdf', 'text/plain'))).toBe(false);
    expect(isEvidenceType(file('a.zip', ''))).toBe(false);
  });

  it('allows no files, up to 3, and up to 20 MiB in all', () => {
    expect(evidenceProblem([])).toBeUndefined();
    const third = MAX_EVIDENCE_BYTES / 3;
    expect(evidenceProblem([file('a.pdf', 'application/pdf', third), file('b.png', 'image/png', third), file('c.jpg', 'image/jpeg', MAX_EVIDENCE_BYTES - 2 * third)])).toBeUndefined();
  });

  it('names the first rule broken', () => {
    expect(evidenceProblem([file('a.pdf', 'application/pdf'), file('b.exe', 'application/x-msdownload')])).toBe('type');
    expect(evidenceProblem([1, 2, 3, 4].map((i) => file(`${i}.pdf`, 'application/pdf')))).toBe('count');
    expect(evidenceProblem([file('a.pdf', 'application/pdf', MAX_EVIDENCE_BYTES), file('b.png', 'image/png', 1)])).toBe('size');
  });
});

describe('phone', () => {
  it.each(['13800138000', '0663-8888888', '+86 138 0013 8000', '8888888'])('accepts %s', (phone) => expect(PHONE_PATTERN.test(phone)).toBe(true));
  it.each(['12345', 'abc1234567', '138-0013-800-', '+', ''])('refuses %s', (phone) => expect(PHONE_PATTERN.test(phone)).toBe(false));
});

describe('toObjectionInput', () => {
  it('trims the texts and keeps the chosen files', () => {
    const evidence = new File(['%PDF-1.4'], 'evidence.pdf', { type: 'application/pdf' });
    expect(toObjectionInput(12, { name: ' 张三 ', phone: ' 13800138000', reasons: '  该企业研发费用数据与实际不符。 ', files: [{ originFileObj: evidence }, {}] })).toEqual({
      application_id: 12,
      name: '张三',
      phone: '13800138000',
      reasons: '该企业研发费用数据与实际不符。',
      files: [evidence],
    });
  });

  it('sends empty texts for the server to name, and no files when none were chosen', () => {
    expect(toObjectionInput(3, {})).toEqual({ application_id: 3, name: '', phone: '', reasons: '', files: [] });
  });
});

describe('formatBytes', () => {
  it('shows KB under a megabyte and MB above', () => {
    expect(formatBytes(2048, 'en-US')).toBe('2 KB');
    expect(formatBytes(1.5 * 1024 * 1024, 'en-US')).toBe('1.5 MB');
  });
});
