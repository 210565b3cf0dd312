import type { TFunction } from 'i18next';
import type { Me } from '@/features/auth/api/get-me';
import { tierName } from '@/features/eligibility/components/criteria-text';
import { formatDate } from '@/lib/format';
import type { Notification } from '../api/get-notifications';

/** The notice's parameters as the server fills them in (the contract types them as an open object). */
type Params = {
  enterprise?: unknown;
  tier?: unknown;
  valid_until?: unknown;
  days?: unknown;
  batch?: unknown;
  result?: unknown;
  report_year?: unknown;
  closes_on?: unknown;
};

const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

/**
 * notificationText puts a notice in words in the UI language: an expiring qualification (whose,
 * which tier, until when, within how many days), the annual figures due, or what happened to an
 * application of a batch.
 */
export function notificationText(t: TFunction, n: Pick<Notification, 'kind' | 'params'>, lang: string): string {
  const p = (n.params ?? {}) as Params;
  switch (n.kind) {
    case 'qualification_expiring':
      // days is the notice's threshold: 180, 90 or 30 days before the expiry.
      return t('workflow.notifications.kinds.qualification_expiring', {
        enterprise: str(p.enterprise),
        tier: tierName(t, str(p.tier)),
        date: formatDate(str(p.valid_until), lang),
        days: str(p.days),
      });
    case 'annual_update_due':
      // days is the reminder's threshold before the annual update closes.
      return t('workflow.notifications.kinds.annual_update_due', {
        enterprise: str(p.enterprise),
        reportYear: str(p.report_year),
        date: formatDate(str(p.closes_on), lang),
        days: str(p.days),
      });
    case 'application_returned':
      return t('workflow.notifications.kinds.application_returned', { batch: str(p.batch) });
    case 'application_rejected':
      return t('workflow.notifications.kinds.application_rejected', { batch: str(p.batch) });
    case 'application_decided':
      if (p.result === 'approved') return t('workflow.notifications.kinds.application_decided_approved', { batch: str(p.batch) });
      if (p.result === 'not_approved') return t('workflow.notifications.kinds.application_decided_not_approved', { batch: str(p.batch) });
      return t('workflow.notifications.kinds.application_decided', { batch: str(p.batch) });
    default:
      return str(n.kind);
  }
}

const ENTERPRISE_PAGE = /^\/enterprises\/(\d+)$/;

/**
 * notificationTarget is where opening a notice leads: its own link, except that an expiring
 * qualification opens the qualifications themselves (我的资质 for the enterprise, the enterprise's
 * qualifications tab for an officer) rather than the enterprise's profile.
 */
export function notificationTarget(n: Pick<Notification, 'kind' | 'link'>, me: Pick<Me, 'role'>): string | undefined {
  const link = n.link && n.link.startsWith('/') && !n.link.startsWith('//') ? n.link : undefined;
  if (n.kind !== 'qualification_expiring') return link;
  if (me.role === 'enterprise') return '/my-qualifications';
  const m = link ? ENTERPRISE_PAGE.exec(link) : null;
  return m ? `/enterprises/${m[1]}/qualifications` : link;
}
