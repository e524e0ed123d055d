export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'TOO_SIMPLE';

/** At least 8 characters and two kinds of character (letters, digits, others). */
export function checkPasswordPolicy(password: string): PasswordProblem | null {
  if (password.length < 8) return 'TOO_SHORT';
  if (password.length > 128) return 'TOO_LONG';
  const kinds = [/[A-Za-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  return kinds >= 2 ? null : 'TOO_SIMPLE';
}
