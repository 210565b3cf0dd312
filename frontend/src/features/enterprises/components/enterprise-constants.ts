import type { SizeClass } from '../api/get-enterprises';

export const SIZE_CLASSES: SizeClass[] = ['micro', 'small', 'medium', 'large'];

/** The tag the bureau uses for its listing reserve (上市后备); tags are data, not translated. */
export const LISTING_RESERVE_TAG = '上市后备';
