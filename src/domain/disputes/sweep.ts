// A sweep's progress (矛盾纠纷大排查): which grids of the town have answered (found disputes, or reported none found),
// which are missing, how many disputes were found, and whether it is overdue. Plain rules, no I/O, no clock.
export interface SweepProgressInput {
  grids: readonly { id: string; name: string }[];
  /** one per grid (a later report of the same grid replaces the earlier: the last in the list counts) */
  reports: readonly { gridId: string; noneFound: boolean; disputeCount: number }[];
  /** YYYY-MM-DD, the last day to answer */
  dueOn: string;
  /** YYYY-MM-DD (Asia/Shanghai) */
  today: string;
}

export interface SweepProgress {
  /** grids of the town that answered */
  answered: number;
  total: number;
  missing: { id: string; name: string }[];
  /** disputes found by the answering grids */
  found: number;
  /** grids that answered 无 (none found) */
  noneFound: number;
  /** past the due day with grids still missing */
  overdue: boolean;
}

export function sweepProgress(input: SweepProgressInput): SweepProgress {
  const gridIds = new Set(input.grids.map((g) => g.id));
  const byGrid = new Map<string, { noneFound: boolean; disputeCount: number }>();
  for (const r of input.reports) if (gridIds.has(r.gridId)) byGrid.set(r.gridId, r);
  const missing = input.grids.filter((g) => !byGrid.has(g.id)).map((g) => ({ id: g.id, name: g.name }));
  let found = 0;
  let noneFound = 0;
  for (const r of byGrid.values()) {
    if (r.noneFound) noneFound += 1;
    else found += Math.max(0, r.disputeCount);
  }
  return {
    answered: byGrid.size, total: input.grids.length, missing, found, noneFound,
    overdue: input.today > input.dueOn && missing.length > 0,
  };
}
