import { describe, expect, it } from 'vitest';
import type { ApplicationState } from '@/features/applications/api/get-applications';
import { meAs } from '@/testing/fixtures';
import { qualification } from '@/testing/workflow-fixtures';
import { actionLabelKey, actionsFor, canEditApplication, missingPrerequisite, needsComment, prerequisiteOf, reviewStagesFor } from './workflow-rules';

const own = meAs('enterprise', { enterprise_id: 7 });
const other = meAs('enterprise', { enterprise_id: 8 });
const county = meAs('county_officer', { region_code: '445202' });
const otherCounty = meAs('county_officer', { region_code: '445281' });
const city = meAs('city_officer');
const admin = meAs('admin');
const leader = meAs('leader');
const app = (state: ApplicationState) => ({ state, enterprise_id: 7, region_code: '445202' });

describe('actionsFor', () => {
  it.each([
    // state, who, actions
    ['draft', own, ['submit', 'withdraw']],
    ['draft', other, []],
    ['draft', county, ['submit']],
    ['draft', otherCounty, []],
    ['draft', city, ['submit']],
    ['draft', leader, []],
    ['returned', own, ['submit', 'withdraw']],
    ['county_review', own, ['withdraw']],
    ['county_review', county, ['pass', 'return', 'reject']],
    ['county_review', otherCounty, []],
    ['county_review', city, []],
    ['county_review', leader, []],
    ['city_review', county, []],
    ['city_review', city, ['pass', 'return', 'reject']],
    ['city_review', admin, ['pass', 'return', 'reject']],
    ['city_review', own, []],
    ['recommended', city, ['record_result']],
    ['recommended', county, []],
    ['recommended', own, []],
    ['approved', city, []],
    ['not_approved', city, []],
    ['rejected', own, []],
    ['withdrawn', own, []],
  ] as const)('%s for %o: %j', (state, who, actions) => {
    expect(actionsFor(who, app(state))).toEqual(actions);
  });
});

describe('canEditApplication', () => {
  it('lets the enterprise, its county and the city change a draft or a returned application, a leader never', () => {
    for (const state of ['draft', 'returned'] as const) {
      expect(canEditApplication(own, app(state))).toBe(true);
      expect(canEditApplication(county, app(state))).toBe(true);
      expect(canEditApplication(city, app(state))).toBe(true);
      expect(canEditApplication(otherCounty, app(state))).toBe(false);
      expect(canEditApplication(other, app(state))).toBe(false);
      expect(canEditApplication(leader, app(state))).toBe(false);
    }
    for (const state of ['county_review', 'city_review', 'recommended', 'approved', 'withdrawn'] as const) expect(canEditApplication(own, app(state)), state).toBe(false);
  });
});

describe('labels and comments', () => {
  it('calls passing the city review a recommendation, and submitting a returned one a resubmission', () => {
    expect(actionLabelKey('pass', 'county_review')).toBe('workflow.actions.pass');
    expect(actionLabelKey('pass', 'city_review')).toBe('workflow.actions.recommend');
    expect(actionLabelKey('submit', 'draft')).toBe('workflow.actions.submit');
    expect(actionLabelKey('submit', 'returned')).toBe('workflow.actions.resubmit');
  });

  it('needs a comment to return or reject only', () => {
    expect(['submit', 'withdraw', 'pass', 'return', 'reject', 'record_result'].filter((a) => needsComment(a as never))).toEqual(['return', 'reject']);
  });

  it('gives each reviewing role its stages', () => {
    expect(reviewStagesFor(county)).toEqual(['county_review']);
    expect(reviewStagesFor(city)).toEqual(['city_review', 'recommended']);
    expect(reviewStagesFor(admin)).toEqual(['city_review', 'recommended']);
    expect(reviewStagesFor(leader)).toEqual([]);
    expect(reviewStagesFor(own)).toEqual([]);
  });
});

describe('prerequisites', () => {
  it('asks a recognition for the tier below and a re-review for the tier itself', () => {
    expect(prerequisiteOf({ tier: 'innovative_sme', kind: 'recognition' })).toBeUndefined();
    expect(prerequisiteOf({ tier: 'specialized_sme', kind: 'recognition' })).toBe('innovative_sme');
    expect(prerequisiteOf({ tier: 'little_giant', kind: 'recognition' })).toBe('specialized_sme');
    expect(prerequisiteOf({ tier: 'innovative_sme', kind: 'review' })).toBe('innovative_sme');
  });

  it('counts only a qualification in force (valid or expiring) of the tier needed', () => {
    const specialised = { tier: 'specialized_sme', kind: 'recognition' } as const;
    expect(missingPrerequisite(specialised, [])).toBe('innovative_sme');
    expect(missingPrerequisite(specialised, [qualification({ status: 'expired' })])).toBe('innovative_sme');
    expect(missingPrerequisite(specialised, [qualification({ status: 'revoked' })])).toBe('innovative_sme');
    expect(missingPrerequisite(specialised, [qualification({ tier: 'little_giant', status: 'valid' })])).toBe('innovative_sme');
    expect(missingPrerequisite(specialised, [qualification({ status: 'valid' })])).toBeUndefined();
    expect(missingPrerequisite(specialised, [qualification({ status: 'expiring' })])).toBeUndefined();
    expect(missingPrerequisite({ tier: 'innovative_sme', kind: 'recognition' }, [])).toBeUndefined();
  });
});
