// 金点子 (城市治理我建言, 心愿墙): the quarter an idea belongs to, the quarter's top ten, and the screening steps.
// Plain rules, no I/O, no clock of their own. Written down:
//   - quarter: of the Asia/Shanghai date: Jan–Mar Q1 … Oct–Dec Q4, as '2026Q4';
//   - top ten: only accepted or answered ideas, by support count (most first), ties by the earlier submission, then
//     by id (so the order is stable); at most PARTICIPATION_LIMITS.topTen;
//   - steps: submitted ──accept──▶ accepted ──answer──▶ answered; submitted ──reject──▶ rejected; an accepted idea may
//     still be rejected; an answered one may be answered again (the response revised).
import { PARTICIPATION_LIMITS, type IdeaStatus } from '../../shared/participation.ts';

const SHANGHAI_MS = 8 * 3600_000;

export function quarterOf(at: Date): string {
  const d = new Date(at.getTime() + SHANGHAI_MS);
  return `${d.getUTCFullYear()}Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

/** The quarter before the given one ('2026Q1' → '2025Q4'). */
export function previousQuarter(quarter: string): string {
  const y = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(5));
  return q === 1 ? `${y - 1}Q4` : `${y}Q${q - 1}`;
}

export interface RankableIdea {
  id: string;
  status: IdeaStatus;
  supportCount: number;
  createdAt: Date;
}

/** The ids of the quarter's top ten, best first. */
export function topTen(ideas: readonly RankableIdea[]): string[] {
  return ideas
    .filter((i) => i.status === 'accepted' || i.status === 'answered')
    .slice()
    .sort((a, b) => b.supportCount - a.supportCount
      || a.createdAt.getTime() - b.createdAt.getTime()
      || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, PARTICIPATION_LIMITS.topTen)
    .map((i) => i.id);
}

export const IDEA_ACTIONS = ['accept', 'reject', 'answer'] as const;
export type IdeaAction = (typeof IDEA_ACTIONS)[number];

export const IDEA_ACTION_STATUSES: Record<IdeaAction, readonly IdeaStatus[]> = {
  accept: ['submitted'],
  reject: ['submitted', 'accepted'],
  answer: ['accepted', 'answered'],
};

export function ideaActionAllowed(status: IdeaStatus, action: IdeaAction): boolean {
  return IDEA_ACTION_STATUSES[action]?.includes(status) ?? false;
}

export function ideaStatusAfter(_status: IdeaStatus, action: IdeaAction): IdeaStatus {
  return action === 'accept' ? 'accepted' : action === 'reject' ? 'rejected' : 'answered';
}

/** Residents support ideas that are submitted or accepted (not rejected; answered ones are settled). */
export function ideaOpenForSupport(status: IdeaStatus): boolean {
  return status === 'submitted' || status === 'accepted';
}
