// R-ID-1 in the browser (src/core/ids.cpp check_id_number), so the member
// form can say what is wrong with an ID number, and show the gender and birth
// date it encodes, before anything is sent. The server checks again.
import { normalizeCode } from '@/utils/validate'
import type { MemberGender } from '@/utils/dict'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

export interface IdNumberInfo {
  /** normalised: half-width, upper-case X */
  id: string
  gender: MemberGender
  /** YYYY-MM-DD */
  birthDate: string
}

/** The check character for 17 digits (ISO 7064 MOD 11-2), '?' when they are not 17 digits. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) return '?'
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK_CHARS[sum % 11]
}

function realDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}

/** The number's gender and birth date, or the reason it is not valid (as the server words it). */
export function parseIdNumber(raw: string, today: string): IdNumberInfo | string {
  const v = normalizeCode(raw)
  if (!v) return '身份证号不能为空'
  if (/^\d+(\.\d+)?E\+?\d+$/i.test(v)) return '身份证号在Excel中被存成了数字，末几位已经丢失；请把该列设为文本格式，重新输入完整号码'
  const chars = Array.from(v)
  if (chars.length === 15 && /^\d+$/.test(v)) return '这是15位的旧身份证号，请填写18位的身份证号'
  if (chars.length !== 18) return `身份证号应为18位，实际为${chars.length}位`
  for (let i = 0; i < 18; i++) {
    const c = chars[i]
    if (/\d/.test(c) || (i === 17 && c === 'X')) continue
    const where = `身份证号第${i + 1}位“${c}”`
    return i < 17 ? `${where}不是数字：前17位应为数字` : `${where}无效：最后一位应为数字或X`
  }
  if (idNumberCheckChar(v.slice(0, 17)) !== v[17]) return '身份证号校验位不符，请逐位核对号码'
  const y = Number(v.slice(6, 10))
  const m = Number(v.slice(10, 12))
  const d = Number(v.slice(12, 14))
  if (!realDate(y, m, d)) return `身份证号中的出生日期${v.slice(6, 14)}不是有效日期`
  const birthDate = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`
  if (birthDate > today) return `身份证号中的出生日期${y}年${m}月${d}日晚于今天`
  return { id: v, gender: Number(v[16]) % 2 === 1 ? 'male' : 'female', birthDate }
}

/** '' when the number is valid, else the reason (for ruleOf). */
export function checkIdNumber(raw: string, today: string): string {
  const r = parseIdNumber(raw, today)
  return typeof r === 'string' ? r : ''
}
