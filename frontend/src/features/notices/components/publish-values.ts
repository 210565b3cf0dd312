import type { PublishNoticeInput } from '../api/publish-notice';

export type PublishFormValues = { title?: string; contact?: string };

export const TITLE_MAX = 200;
export const CONTACT_MAX = 200;

/** toPublishNotice is the body of a publication: the chosen applications (at least one) and the trimmed texts. */
export function toPublishNotice(values: PublishFormValues, applicationIds: readonly number[]): PublishNoticeInput {
  return { application_ids: [...applicationIds], title: (values.title ?? '').trim(), contact: (values.contact ?? '').trim() };
}
