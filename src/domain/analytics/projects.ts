import type { CircleProjectStatus } from '../../shared/analytics.ts';

/*
 * 15-minute service circle projects (issue 17): planned → underway → done, and dropped from planned or underway (with
 * a reason). Done and dropped are final: nothing is changed or linked after them.
 */

export const PROJECT_ACTIONS = ['start', 'finish', 'drop'] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

const NEXT: Record<ProjectAction, { from: readonly CircleProjectStatus[]; to: CircleProjectStatus }> = {
  start: { from: ['planned'], to: 'underway' },
  finish: { from: ['underway'], to: 'done' },
  drop: { from: ['planned', 'underway'], to: 'dropped' },
};

/** The status an action leads to from `status`, or null when it is not allowed there. */
export function nextStatus(status: CircleProjectStatus, action: ProjectAction): CircleProjectStatus | null {
  const n = NEXT[action];
  return n.from.includes(status) ? n.to : null;
}

/** The actions allowed in a status. */
export function actionsOf(status: CircleProjectStatus): ProjectAction[] {
  return PROJECT_ACTIONS.filter((a) => nextStatus(status, a) !== null);
}

/** Whether a project in this status may still be edited and have cases linked. */
export const isOpen = (status: CircleProjectStatus): boolean => status === 'planned' || status === 'underway';
