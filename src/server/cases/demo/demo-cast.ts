import type { Actor, Assignee } from '../../../domain/cases/case-state.ts';
import type { CaseAction } from '../../../shared/cases.ts';
import { policies } from '../../../domain/cases/lifecycle.ts';
import { territorialScope } from '../../../domain/identity/scope.ts';
import type { Tx } from '../../platform/db/db.ts';
import { toCaseState } from '../case-mapping.ts';
import type { CaseRow, Viewer } from '../store.ts';
import { listActiveAccounts, listPostsOfTown, type DemoAccountRow, type DemoPostRow } from './demo-store.ts';

/** A person of the demo as the case commands see them: the same actor and viewer a signed-in session would give. */
export interface CastMember {
  id: string;
  username: string;
  name: string;
  row: DemoAccountRow;
  actor: Actor;
  viewer: Viewer;
}

/**
 * The people of the demo town who act on its cases: who holds which post, who staffs the community, who handles for a
 * department. Who may take an action is never decided here: the lifecycle's `policies` answer it for each candidate.
 */
export class Cast {
  private readonly byId = new Map<string, CastMember>();
  private readonly byUsername = new Map<string, CastMember>();
  private readonly posts = new Map<string, DemoPostRow>();

  constructor(accounts: readonly DemoAccountRow[], posts: readonly DemoPostRow[]) {
    for (const row of accounts) {
      const scopePath = territorialScope(row.roles, row.scope_path);
      const member: CastMember = {
        id: row.id, username: row.username, name: row.name, row,
        actor: { accountId: row.id, roles: row.roles, scopePath, postIds: row.post_ids, departmentIds: row.department_ids, gridIds: row.grid_ids },
        viewer: { accountId: row.id, scopePath, postIds: row.post_ids, departmentIds: row.department_ids },
      };
      this.byId.set(row.id, member);
      this.byUsername.set(row.username, member);
    }
    for (const p of posts) this.posts.set(p.id, p);
  }

  static async load(tx: Tx, townId: string): Promise<Cast> {
    return new Cast(await listActiveAccounts(tx), await listPostsOfTown(tx, townId));
  }

  named(username: string): CastMember {
    const m = this.byUsername.get(username);
    if (!m) throw new Error(`the demo has no account ${username}`);
    return m;
  }

  /** The account's id, or null when the demo has no such account. */
  idOf(username: string): string | null {
    return this.byUsername.get(username)?.id ?? null;
  }

  find(id: string | null): CastMember | null {
    return id ? this.byId.get(id) ?? null : null;
  }

  /** Staff who handle cases anywhere in the town (包片干部): a dispatcher may send a grid or community case to one. */
  townHandlers(townPath: string): CastMember[] {
    return [...this.byId.values()].filter((m) => m.row.roles.includes('handler') && m.actor.scopePath === townPath);
  }

  /** Who works on a case sent to this assignee: the post's A holder first, then its B holder; the department's members. */
  workersOf(a: Assignee | null): CastMember[] {
    if (!a) return [];
    if ('staffId' in a) return this.list([a.staffId]);
    if ('postId' in a) {
      const post = this.posts.get(a.postId);
      return post ? this.list([post.a_holder_id, post.b_holder_id]) : [];
    }
    return [...this.byId.values()].filter((m) => m.row.department_ids.includes(a.departmentId));
  }

  /** The post whose A holder the account is (the handler's 城市更新岗), or null. */
  postHeldBy(accountId: string): string | null {
    return [...this.posts.values()].find((p) => p.a_holder_id === accountId)?.id ?? null;
  }

  /** The first of the candidates the lifecycle lets take the action on the case now, or null. */
  firstAllowed(row: CaseRow, action: CaseAction, candidates: readonly (CastMember | null)[]): CastMember | null {
    const state = toCaseState(row);
    for (const m of candidates) if (m && policies(state, m.actor).includes(action)) return m;
    return null;
  }

  private list(ids: readonly (string | null)[]): CastMember[] {
    return ids.flatMap((id) => {
      const m = this.find(id);
      return m ? [m] : [];
    });
  }
}
