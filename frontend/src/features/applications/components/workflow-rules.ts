import type { Me } from '@/features/auth/api/get-me';
import type { Batch } from '@/features/batches/api/get-batches';
import type { Tier } from '@/features/eligibility/api/get-eligibility';
import type { Qualification } from '@/features/qualifications/api/get-qualifications';
import type { Application, ApplicationState } from '../api/get-applications';
import type { TransitionAction } from '../api/transition-application';

export const APPLICATION_STATES: ApplicationState[] = [
  'draft',
  'county_review',
  'city_review',
  'recommended',
  'approved',
  'not_approved',
  'returned',
  'rejected',
  'withdrawn',
];

/** The tag colour of each state. */
export const STATE_COLORS: Record<ApplicationState, string> = {
  draft: 'default',
  county_review: 'processing',
  city_review: 'processing',
  recommended: 'purple',
  approved: 'success',
  not_approved: 'error',
  returned: 'warning',
  rejected: 'error',
  withdrawn: 'default',
};

/** The review stages and the states an officer's queue shows. */
export type ReviewStage = 'county_review' | 'city_review' | 'recommended';

export function reviewStagesFor(me: Pick<Me, 'role'>): ReviewStage[] {
  switch (me.role) {
    case 'county_officer':
      return ['county_review'];
    case 'city_officer':
    case 'admin':
      return ['city_review', 'recommended'];
    default:
      return [];
  }
}

type Who = Pick<Me, 'role' | 'region_code' | 'enterprise_id'>;
type Which = Pick<Application, 'state' | 'enterprise_id' | 'region_code'>;

const isCity = (me: Who) => me.role === 'city_officer' || me.role === 'admin';
const isOwnEnterprise = (me: Who, a: Which) => me.role === 'enterprise' && me.enterprise_id === a.enterprise_id;
const isRegionCounty = (me: Who, a: Which) => me.role === 'county_officer' && me.region_code === a.region_code;

/** isEditable says whether the application's report year and attachments may still change (draft or returned). */
export const isEditable = (state: ApplicationState) => state === 'draft' || state === 'returned';

/**
 * canEditApplication mirrors the server: the enterprise, or an officer in scope on its behalf,
 * while the application is a draft or returned; a leader never.
 */
export function canEditApplication(me: Who, a: Which): boolean {
  return isEditable(a.state) && (isOwnEnterprise(me, a) || isRegionCounty(me, a) || isCity(me));
}

/**
 * actionsFor is the workflow of DESIGN.md as the SPA shows it: the actions the state offers to
 * this user. Only the role of a stage acts on it, a county officer only in its own region; the
 * enterprise withdraws while the county has not passed it; an officer may submit on its behalf.
 * The server decides; this only hides what it would refuse.
 */
export function actionsFor(me: Who, a: Which): TransitionAction[] {
  switch (a.state) {
    case 'draft':
    case 'returned':
      if (isOwnEnterprise(me, a)) return ['submit', 'withdraw'];
      return isRegionCounty(me, a) || isCity(me) ? ['submit'] : [];
    case 'county_review':
      if (isOwnEnterprise(me, a)) return ['withdraw'];
      return isRegionCounty(me, a) ? ['pass', 'return', 'reject'] : [];
    case 'city_review':
      return isCity(me) ? ['pass', 'return', 'reject'] : [];
    case 'recommended':
      return isCity(me) ? ['record_result'] : [];
    default:
      return [];
  }
}

/** needsComment: a return or a rejection must say why. */
export const needsComment = (action: TransitionAction) => action === 'return' || action === 'reject';

/**
 * actionLabelKey names an action for its button: passing the city review is the recommendation,
 * and submitting a returned application is a resubmission.
 */
export function actionLabelKey(action: TransitionAction, state: ApplicationState) {
  if (action === 'pass' && state === 'city_review') return 'workflow.actions.recommend' as const;
  if (action === 'submit' && state === 'returned') return 'workflow.actions.resubmit' as const;
  return `workflow.actions.${action}` as const;
}

const TIER_BELOW: Partial<Record<Tier, Tier>> = { specialized_sme: 'innovative_sme', little_giant: 'specialized_sme' };

/**
 * prerequisiteOf is the tier an applicant must hold in force to submit in a batch: the tier below
 * for a recognition (none for the bottom tier), the tier itself for a re-review.
 */
export function prerequisiteOf(b: Pick<Batch, 'tier' | 'kind'>): Tier | undefined {
  return b.kind === 'review' ? b.tier : TIER_BELOW[b.tier];
}

/**
 * missingPrerequisite names the tier a batch needs that none of the enterprise's qualifications
 * holds in force today (valid or expiring), so that the SPA can say so before a submission the
 * server would refuse. The server also checks that a re-review is due; this does not.
 */
export function missingPrerequisite(b: Pick<Batch, 'tier' | 'kind'>, qualifications: Pick<Qualification, 'tier' | 'status'>[]): Tier | undefined {
  const needed = prerequisiteOf(b);
  if (!needed) return undefined;
  const held = qualifications.some((q) => q.tier === needed && (q.status === 'valid' || q.status === 'expiring'));
  return held ? undefined : needed;
}
