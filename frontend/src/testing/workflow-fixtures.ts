import type { ApplicationDetail } from '@/features/applications/api/get-application';
import type { Application } from '@/features/applications/api/get-applications';
import type { Batch } from '@/features/batches/api/get-batches';
import type { Notification } from '@/features/notifications/api/get-notifications';
import type { QualificationDetail } from '@/features/qualifications/api/get-qualification';
import type { Qualification } from '@/features/qualifications/api/get-qualifications';

/** batch is an open recognition batch of the innovative SME, as the API answers it. */
export function batch(overrides: Partial<Batch> = {}): Batch {
  return {
    id: 13,
    tier: 'innovative_sme',
    kind: 'recognition',
    year: 2026,
    name: '2026年第二批省级创新型中小企业评价',
    ruleset: 'miit-2022',
    opens_on: '2026-11-01',
    closes_on: '2026-12-31',
    closed_early_on: null,
    status: 'open',
    counts: { county_review: 2, city_review: 1 },
    created_by: 'city',
    version: 1,
    created_at: '2026-11-01T01:00:00Z',
    updated_at: '2026-11-01T01:00:00Z',
    ...overrides,
  };
}

/** application is the demo enterprise's application in that batch, waiting on its county (榕城区). */
export function application(overrides: Partial<Application> = {}): Application {
  return {
    id: 318,
    batch_id: 13,
    batch_name: '2026年第二批省级创新型中小企业评价',
    tier: 'innovative_sme',
    kind: 'recognition',
    ruleset: 'miit-2022',
    enterprise_id: 7,
    enterprise_name: '揭阳示范机械有限公司',
    credit_code: '91445200MA4UQX2Y1B',
    region_code: '445202',
    region_name: '榕城区',
    report_year: 2025,
    state: 'county_review',
    waiting_on: { role: 'county_officer', region_code: '445202' },
    self_check: null,
    submitted_at: '2026-11-20T02:00:00Z',
    result: null,
    announcement_no: null,
    granted_on: null,
    qualification_id: null,
    created_by: 'enterprise',
    version: 2,
    created_at: '2026-11-19T02:00:00Z',
    updated_at: '2026-11-20T02:00:00Z',
    ...overrides,
  };
}

/** applicationDetail is an application with its history and attachments. */
export function applicationDetail(overrides: Partial<ApplicationDetail> = {}): ApplicationDetail {
  return {
    ...application(),
    steps: [
      {
        at: '2026-11-20T02:00:00Z',
        actor_username: 'enterprise',
        actor_role: 'enterprise',
        region_code: null,
        action: 'submit',
        from_state: 'draft',
        to_state: 'county_review',
        comment: null,
      },
    ],
    attachments: [
      {
        id: 5,
        filename: '营业执照.pdf',
        content_type: 'application/pdf',
        size: 20480,
        sha256: 'ab'.repeat(32),
        uploaded_by: 'enterprise',
        created_at: '2026-11-19T03:00:00Z',
      },
    ],
    ...overrides,
  };
}

/** qualification is a qualification in force, as a list answers it on 2026-11-27. */
export function qualification(overrides: Partial<Qualification> = {}): Qualification {
  return {
    id: 41,
    enterprise_id: 7,
    enterprise_name: '揭阳示范机械有限公司',
    credit_code: '91445200MA4UQX2Y1B',
    region_code: '445202',
    region_name: '榕城区',
    industry_code: 'C34',
    tier: 'innovative_sme',
    source: 'batch',
    batch_id: 9,
    batch_name: '2024年第一批广东省创新型中小企业',
    application_id: 100,
    announcement_no: '粤工信融资函〔2024〕33号',
    granted_on: '2024-06-20',
    valid_until: '2027-06-20',
    status: 'valid',
    as_of: '2026-11-27',
    revoked_on: null,
    revoke_reason_code: null,
    revoked_reason: null,
    revoked_by: null,
    version: 1,
    ...overrides,
  };
}

export function qualificationDetail(overrides: Partial<QualificationDetail> = {}): QualificationDetail {
  return {
    ...qualification(),
    events: [
      {
        kind: 'granted',
        on: '2024-06-20',
        valid_until: '2027-06-20',
        batch_id: 9,
        application_id: 100,
        announcement_no: '粤工信融资函〔2024〕33号',
        reason_code: null,
        reason: null,
        actor_username: 'city',
      },
    ],
    ...overrides,
  };
}

export function notification(overrides: Partial<Notification> = {}): Notification {
  return {
    id: 1,
    kind: 'application_returned',
    params: { application_id: 318, batch: '2026年第二批省级创新型中小企业评价', state: 'returned', result: null } as unknown as Notification['params'],
    link: '/applications/318',
    read_at: null,
    created_at: '2026-11-21T02:00:00Z',
    ...overrides,
  };
}
