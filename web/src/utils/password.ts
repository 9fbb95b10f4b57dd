// The password policy as the server states it; the server has the last word.
export const PASSWORD_HINT = '至少8位，包含大写字母、小写字母、数字、符号中的至少三类'

export function meetsPolicy(pw: string): boolean {
  if (pw.length < 8) return false
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length
  return classes >= 3
}
