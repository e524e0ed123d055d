import type { actorOf } from '../audit/audit-log.ts';

/** Who changes a town's boards, posts, roster or grid teams, inside which scope, and when. */
export interface OrgCommand {
  scopePath: string;
  actor: ReturnType<typeof actorOf>;
  now: Date;
}
