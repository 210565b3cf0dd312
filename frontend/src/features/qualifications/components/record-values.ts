import type { Dayjs } from 'dayjs';
import type { Tier } from '@/features/eligibility/api/get-eligibility';
import { DATE_FORMAT } from '@/features/enterprises/components/enterprise-form-values';
import type { QualificationRecordInput } from '../api/record-qualification';

/** RecordValues are the inputs of the historic-qualification form. */
export type RecordValues = {
  enterprise_id?: number;
  tier?: Tier;
  batch_name?: string;
  announcement_no?: string;
  granted_on?: Dayjs | null;
};

/** toQualificationRecord turns the form's values into the request: trimmed texts and a calendar date. */
export function toQualificationRecord(v: RecordValues): QualificationRecordInput {
  return {
    enterprise_id: v.enterprise_id as number,
    tier: v.tier as Tier,
    batch_name: (v.batch_name ?? '').trim(),
    announcement_no: (v.announcement_no ?? '').trim(),
    granted_on: v.granted_on ? v.granted_on.format(DATE_FORMAT) : '',
  };
}
