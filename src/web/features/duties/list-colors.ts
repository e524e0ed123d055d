import type { ListType } from '../../../shared/duties.ts';

/** The tag colour of each list type, on every page of the catalogs. */
export const LIST_COLORS: Record<ListType, string> = { basic: 'blue', assisting: 'gold', withdrawn: 'default' };
