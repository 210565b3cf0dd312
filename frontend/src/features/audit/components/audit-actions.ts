import type { TFunction } from 'i18next';

/** AUDIT_ACTIONS are the actions the server records, grouped by what they act on. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.lock',
  'auth.login_locked',
  'auth.login_refused',
  'auth.logout',
  'auth.password_change',
  'user.create',
  'user.update',
  'user.password_reset',
  'user.register',
  'registration.approve',
  'registration.reject',
  'enterprise.create',
  'enterprise.update',
  'enterprise.credit_code_override',
  'region.create',
  'region.update',
  'demo.seed',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
type AuditActionGroup = AuditAction extends `${infer G}.${string}` ? G : never;

/** The groups, in menu order; the filter offers each as a prefix (`enterprise.`) except `demo`, which has one action. */
const GROUPS: AuditActionGroup[] = ['auth', 'user', 'registration', 'enterprise', 'region', 'demo'];
const PREFIX_GROUPS: ReadonlySet<AuditActionGroup> = new Set(['auth', 'user', 'registration', 'enterprise', 'region']);

/** AUDIT_ENTITY_TYPES are the kinds of record an audit event names. */
export const AUDIT_ENTITY_TYPES = ['user', 'enterprise', 'region'] as const;
type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

const isKnownAction = (action: string): action is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(action);
const isKnownEntityType = (type: string): type is AuditEntityType => (AUDIT_ENTITY_TYPES as readonly string[]).includes(type);

/** auditActionLabel names an action in the UI language; an action this SPA does not know keeps its code. */
export function auditActionLabel(t: TFunction, action: string): { label: string; known: boolean } {
  return isKnownAction(action) ? { label: t(`audit.actions.${action}`), known: true } : { label: action, known: false };
}

/** auditEntityTypeLabel names a kind of record in the UI language, or keeps the server's word. */
export function auditEntityTypeLabel(t: TFunction, type: string): string {
  return isKnownEntityType(type) ? t(`audit.entityTypes.${type}`) : type;
}

export type AuditActionOption = { value: string; label: string };
export type AuditActionOptionGroup = { label: string; options: AuditActionOption[] };

/**
 * auditActionOptions is the action filter's menu: per group, the whole group as a prefix
 * (the API takes `enterprise.` for every enterprise action), then its actions.
 */
export function auditActionOptions(t: TFunction): AuditActionOptionGroup[] {
  return GROUPS.map((group) => {
    const name = t(`audit.actionGroups.${group}`);
    const actions = AUDIT_ACTIONS.filter((a) => a.startsWith(`${group}.`)).map((a) => ({ value: a, label: t(`audit.actions.${a}`) }));
    const prefix = PREFIX_GROUPS.has(group) ? [{ value: `${group}.`, label: t('audit.wholeGroup', { group: name }) }] : [];
    return { label: name, options: [...prefix, ...actions] };
  });
}
