import { ERROR_STATUS, type ErrorCode } from '../../shared/errors.ts';

/** A refusal the client can act on: a code, an English and a Chinese message. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly messageZh: string;
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, messageZh: string, details?: unknown, headers: Record<string, string> = {}) {
    super(message);
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.messageZh = messageZh;
    this.details = details;
    this.headers = headers;
  }
}

export const notFound = (what = 'resource') =>
  new AppError('NOT_FOUND', `The ${what} does not exist or is outside your scope.`, '未找到，或不在您的数据范围内。');

/** A point that no grid (or dedicated grid) of the platform holds. */
export const outsideGrids = () =>
  new AppError('LOCATION_OUTSIDE_GRIDS', 'The location lies in no grid of this platform.', '该位置不在任何网格内，请核对位置。');

export const forbidden = () =>
  new AppError('FORBIDDEN', 'Your role may not do this.', '您的角色无权执行此操作。');
