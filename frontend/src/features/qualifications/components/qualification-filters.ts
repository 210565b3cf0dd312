/** The statuses a list filters on (as of its date); `valid` includes the expiring ones. */
export const FILTER_STATUSES = ['valid', 'expiring', 'expired', 'revoked'] as const;
/** The horizons of the expiring filter, in days: the notices' 30, 90 and 180. */
export const EXPIRING_WITHIN = [30, 90, 180] as const;
/** ALL_STATUSES in the URL asks for every status; without a status a list shows those in force (valid). */
export const ALL_STATUSES = 'all';
export const DEFAULT_STATUS: (typeof FILTER_STATUSES)[number] = 'valid';
