// The refusals of resident self-registration, each a code with an English and a Chinese message.
import { AppError } from '../platform/errors.ts';
import type { CodeRefusal, HomeGridRefusal, SendDecision } from '../../domain/identity/phone-verification.ts';
import type { PasswordProblem } from '../../domain/identity/password-policy.ts';

export const smsUnavailable = () => new AppError('SMS_UNAVAILABLE',
  'Registration by phone is not available: no SMS gateway is configured (SMS_WEBHOOK_URL).', '暂未开通短信服务，无法通过手机号注册，请联系社区工作人员。');

export const smsFailed = () => new AppError('SMS_UNAVAILABLE',
  'The verification code could not be sent; try again in a minute.', '验证码发送失败，请稍后再试。');

export const notMobile = () => new AppError('VALIDATION_FAILED',
  'Enter an 11-digit mobile number.', '请输入 11 位手机号码。', [{ field: 'phone', problem: 'PHONE_FORMAT' }]);

export const phoneTaken = () => new AppError('PHONE_TAKEN',
  'This mobile number is registered already: sign in with it (or ask the community to reset the password).', '该手机号已注册，请直接登录（忘记密码请联系社区重置）。',
  { field: 'phone' });

export function throttled(d: Extract<SendDecision, { allowed: false }>, what: 'send' | 'check'): AppError {
  const headers = { 'retry-after': String(d.retryAfterSeconds) };
  const details = { retryAfterSeconds: d.retryAfterSeconds, limit: d.limit };
  const s = d.retryAfterSeconds;
  const wait = s >= 120 ? { en: `${Math.ceil(s / 60)} min`, zh: `${Math.ceil(s / 60)} 分钟` } : { en: `${s} s`, zh: `${s} 秒` };
  if (d.limit === 'resend') {
    return new AppError('RATE_LIMITED', `A code was just sent to this number; ask again in ${wait.en}.`, `验证码已发送，请 ${wait.zh}后再获取。`, details, headers);
  }
  if (d.limit === 'address') {
    return new AppError('RATE_LIMITED', `Too many requests from this network; try again in ${wait.en}.`, `此网络请求过于频繁，请 ${wait.zh}后再试。`, details, headers);
  }
  return what === 'send'
    ? new AppError('RATE_LIMITED', `Too many codes sent to this number; try again in ${wait.en}.`, `该手机号获取验证码过于频繁，请 ${wait.zh}后再试。`, details, headers)
    : new AppError('RATE_LIMITED', `Too many wrong codes for this number; try again in ${wait.en}.`, `验证码错误次数过多，请 ${wait.zh}后再试。`, details, headers);
}

const CODE_TEXT: Record<CodeRefusal, [string, string]> = {
  none: ['No code is waiting for this number: ask for one.', '请先获取验证码。'],
  expired: ['The code has expired: ask for a new one.', '验证码已过期，请重新获取。'],
  used_up: ['The code was tried too often: ask for a new one.', '验证码错误次数过多，请重新获取。'],
  wrong: ['The code is wrong.', '验证码错误。'],
};

export const codeRefused = (reason: CodeRefusal) =>
  new AppError('VERIFICATION_CODE_INVALID', CODE_TEXT[reason][0], CODE_TEXT[reason][1], { field: 'code', reason });

const PASSWORD_TEXT: Record<PasswordProblem, [string, string]> = {
  TOO_SHORT: ['The password needs at least 8 characters.', '密码至少 8 位。'],
  TOO_LONG: ['The password is longer than 128 characters.', '密码不能超过 128 位。'],
  TOO_SIMPLE: ['The password needs two kinds of character (letters, digits, others).', '密码须包含字母、数字、符号中的至少两种。'],
};

export const weakPassword = (p: PasswordProblem) =>
  new AppError('VALIDATION_FAILED', PASSWORD_TEXT[p][0], PASSWORD_TEXT[p][1], [{ field: 'password', problem: p }]);

const HOME_TEXT: Record<HomeGridRefusal, [string, string]> = {
  no_place: ['Put your home on the map, or pick your grid from the search.', '请在地图上标出住址，或搜索并选择所在网格。'],
  outside_grids: ['The place on the map lies outside every grid of the platform.', '地图上标出的位置不在任何网格内。'],
  not_a_grid: ['Pick a grid from the search results.', '请从搜索结果中选择网格。'],
};

export const homeGridRefused = (r: HomeGridRefusal) =>
  new AppError(r === 'outside_grids' ? 'LOCATION_OUTSIDE_GRIDS' : 'VALIDATION_FAILED', HOME_TEXT[r][0], HOME_TEXT[r][1],
    [{ field: r === 'not_a_grid' ? 'gridId' : 'location', problem: r }]);
