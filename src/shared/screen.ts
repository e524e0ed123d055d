// The command screen (一屏统揽, issue 17): what the wall screen and the leaders' phones show.
import type { Role } from './roles.ts';

/** Who opens the command screen: the center's staff and leaders, and community staff for their community. */
export const SCREEN_VIEWERS = ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff'] as const satisfies readonly Role[];

/** The fixed windows the screen keeps (a screen that runs for days must not grow): newest first, older ones dropped. */
export const SCREEN_WINDOWS = { liveCases: 300, alarms: 50, incidents: 20, feed: 50, trendDays: 30, ranking: 10 } as const;
