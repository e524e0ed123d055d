/** A LIKE pattern matching every string that starts with `prefix`. */
export function likePrefix(prefix: string): string {
  return prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}

/**
 * SQL: a row's path lies in a scope, or holds it — a town's plans and incidents are read by those whose scope is the town
 * or above it, and by those inside it (a community's staff read their town's plans). `scope` is the placeholder of the
 * scope's path, `like` the placeholder of its `likePrefix`.
 */
export function inOrHoldingScope(pathColumn: string, scope: string, like: string): string {
  return `(${pathColumn} like ${like} or ${scope} like ${pathColumn} || '%')`;
}
