/** Who is asking, as far as case visibility goes. */
export interface CaseViewer {
  accountId: string;
  /** materialised path of the viewer's territory (`territorialScope`); null for none (departments, residents) */
  scopePath: string | null;
  postIds: readonly string[];
  departmentIds: readonly string[];
}

/** What visibility reads of a case. */
export interface VisibleCase {
  orgPath: string;
  assignee: { postId?: string; departmentId?: string; staffId?: string } | null;
  /** every department the case was ever sent to: they follow it after it moves on */
  departmentIds: readonly string[];
  reporterAccountId: string | null;
}

/**
 * A case is visible inside the viewer's territory, when assigned to one of the viewer's posts or to the viewer, once it
 * was ever sent to one of the viewer's departments, and to the account that reported it. The case store says the same
 * in SQL (`visibleTo` in src/server/cases/store.ts); test/store/case-visibility.test.ts holds both to one table.
 */
export function canSeeCase(v: CaseViewer, c: VisibleCase): boolean {
  if (v.scopePath && c.orgPath.startsWith(v.scopePath)) return true;
  const postId = c.assignee?.postId;
  if (postId !== undefined && v.postIds.includes(postId)) return true;
  if (c.departmentIds.some((d) => v.departmentIds.includes(d))) return true;
  return c.assignee?.staffId === v.accountId || c.reporterAccountId === v.accountId;
}
