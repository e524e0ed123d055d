// The refusals of account administration, each a code with an English and a Chinese message.
import { AppError, notFound } from '../platform/errors.ts';
import type { AccountProblem } from '../../domain/identity/account-input.ts';
import type { PostPlacesRefusal } from '../../domain/identity/post-places.ts';

/** 三员分立 has a code of its own; other role problems are ROLES_INVALID; the rest ACCOUNT_INVALID. All 422, all listed. */
export function accountProblems(problems: readonly AccountProblem[]): AppError {
  const first = problems.find((p) => p.code === 'SEPARATION_OF_DUTIES') ?? problems.find((p) => p.field === 'roles') ?? problems[0]!;
  const code = first.code === 'SEPARATION_OF_DUTIES' ? 'SEPARATION_OF_DUTIES' : first.field === 'roles' ? 'ROLES_INVALID' : 'ACCOUNT_INVALID';
  return new AppError(code, problems.map((p) => p.message).join(' '), problems.map((p) => p.messageZh).join(''),
    problems.map(({ field, code: problem }) => ({ field, problem })));
}

export const usernameTaken = (username: string) =>
  new AppError('USERNAME_TAKEN', `The username ${username} is taken.`, `用户名 ${username} 已被使用。`, { field: 'username', username });

export const ownAccount = () =>
  new AppError('CONFLICT', 'Your own account is changed by another administrator.', '不能对自己的账号执行此操作，请由其他管理员办理。');

export const residentAccount = () =>
  new AppError('CONFLICT', 'A resident\'s account is the resident\'s own: only its state and password are administered.', '居民账号由居民本人维护，管理员只能停用、解锁或重置密码。');

/** Where an account cannot go on a post (the post's holders themselves are refused by the posts' command). */
export const postRefusal = (r: PostPlacesRefusal) =>
  new AppError('POST_FULL', 'The post already has an A and a B holder.', '该岗位的 A 岗和 B 岗均已有人。', { postId: r.postId });

export const accountNotFound = () => notFound('account');
