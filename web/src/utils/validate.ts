// The server's checks of identity codes and phones (src/core/ids.cpp, RULES.md
// R-ID-2, R-ID-3), repeated in the browser so a form can say what is wrong
// before it is sent. Each returns '' when the value is fine, else the same
// Chinese message the server gives. The server checks again.
import type { FormItemRule } from 'element-plus'

const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

/** Trimmed, full-width ASCII to half-width, letters upper-cased (as the server normalises). */
export function normalizeCode(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim()
    .toUpperCase()
}

/** R-ID-2: the check character for the first 17 characters, or '?' when they are not code characters. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) return '?'
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_ALPHABET.indexOf(first17[i])
    if (v < 0) return '?'
    sum += v * CREDIT_WEIGHTS[i]
  }
  const check = 31 - (sum % 31)
  return CREDIT_ALPHABET[check === 31 ? 0 : check]
}

/** R-ID-2: 18 characters of 0-9/A-Z without I O S V Z, last one a checksum. */
export function checkCreditCode(raw: string): string {
  const v = normalizeCode(raw)
  if (!v) return '统一社会信用代码不能为空'
  const chars = Array.from(v)
  if (chars.length !== 18) return `统一社会信用代码应为18位，实际为${chars.length}位`
  const bad = chars.findIndex((c) => !CREDIT_ALPHABET.includes(c))
  if (bad >= 0) return `统一社会信用代码第${bad + 1}位“${chars[bad]}”无效：只能使用数字和除I、O、S、V、Z以外的大写字母`
  if (creditCodeCheckChar(v.slice(0, 17)) !== v[17]) return '统一社会信用代码校验位不符，请逐位核对代码'
  return ''
}

/** R-ID-3: 11 digits beginning with 1 (spaces, hyphens and a +86/0086 prefix allowed). */
export function checkMobile(raw: string): string {
  let d = normalizeCode(raw).replace(/[ -]/g, '')
  if (!d) return '手机号码不能为空'
  if (d.length === 14 && d.startsWith('+86')) d = d.slice(3)
  if (d.length === 15 && d.startsWith('0086')) d = d.slice(4)
  if (!/^1\d{10}$/.test(d)) return '手机号码格式不正确：应为以1开头的11位数字'
  return ''
}

const LANDLINE =
  /^(?:\((\d+)\) *-? *(\d+)|(\d{1,4})[- ] *(\d+)|(\d+))(?: *(?:-|转|#|EXT\.?|分机) *(\d{1,6}))?$/

/** A landline with area code: 021-12345678, (0571)8888888, 0571-8888888-801. */
export function checkLandline(raw: string): string {
  const v = normalizeCode(raw)
  const invalid = '固定电话格式不正确：应为区号加7到8位号码，如021-12345678、0571-8888888，分机号可写在最后（如0571-8888888-801）'
  if (!v) return '电话号码不能为空'
  const m = LANDLINE.exec(v)
  if (!m) return invalid
  let area = m[1] ?? m[3] ?? ''
  let local = m[2] ?? m[4] ?? ''
  if (m[5] !== undefined) {
    const first = m[5]
    const len = first.startsWith('01') || first.startsWith('02') ? 3 : 4
    if (first.length <= len) return invalid
    area = first.slice(0, len)
    local = first.slice(len)
  }
  const areaOk = (area.length === 3 && (area === '010' || area.startsWith('02'))) || /^0[3-9]\d\d$/.test(area)
  const localOk = (local.length === 7 || local.length === 8) && local[0] !== '0'
  return areaOk && localOk ? '' : invalid
}

/** A contact phone: a mobile, or else a landline with area code. */
export function checkContactPhone(raw: string): string {
  const v = normalizeCode(raw)
  if (!v) return '联系电话不能为空'
  if (!checkMobile(v) || !checkLandline(v)) return ''
  return '联系电话格式不正确：应为11位手机号码，或带区号的固定电话（如021-12345678、0571-8888888-801）'
}

/** An el-form rule from a check; an empty value passes unless `required`. */
export function ruleOf(check: (v: string) => string, required = false, emptyMessage = '此项不能为空'): FormItemRule {
  return {
    trigger: 'blur',
    validator: (_rule, value: unknown, callback: (e?: Error) => void) => {
      const s = value === null || value === undefined ? '' : String(value)
      if (!s.trim()) return required ? callback(new Error(emptyMessage)) : callback()
      const msg = check(s)
      return msg ? callback(new Error(msg)) : callback()
    },
  }
}
