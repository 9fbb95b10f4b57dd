// One place where the browser talks to the server: JSON in and out, the CSRF
// header on state-changing requests, and the global error handling
// (401 → login, 403 password_change_required → change password, otherwise a
// message with the server's Chinese text).
import { ElMessage } from 'element-plus'

export class ApiError extends Error {
  status: number
  code: string
  field?: string
  /** the whole JSON answer, for errors that carry more than the message (an import's problem list) */
  body?: Record<string, unknown>

  constructor(status: number, code: string, message: string, field?: string, body?: Record<string, unknown>) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.field = field
    this.body = body
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  query?: Query
  body?: unknown
  /** The caller shows the error itself: no message, no redirect. */
  quiet?: boolean
}

interface Hooks {
  csrfToken: () => string
  onUnauthorized: () => void
  onPasswordChangeRequired: () => void
}

const hooks: Hooks = {
  csrfToken: () => '',
  onUnauthorized: () => {},
  onPasswordChangeRequired: () => {},
}

/** Wired once in main.ts, so this module needs neither the router nor the store. */
export function configureHttp(h: Partial<Hooks>) {
  Object.assign(hooks, h)
}

function buildUrl(path: string, query?: Query): string {
  const url = '/api/v1' + path
  if (!query) return url
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue
    params.append(k, String(v))
  }
  const qs = params.toString()
  return qs ? `${url}?${qs}` : url
}

async function toError(res: Response): Promise<ApiError> {
  let body: any = null
  try {
    body = await res.json()
  } catch {
    // not JSON (a proxy's error page, for instance)
  }
  const e = body && typeof body === 'object' ? body.error : null
  if (e && typeof e.message === 'string') {
    return new ApiError(res.status, String(e.code ?? ''), e.message, e.field || undefined, body)
  }
  return new ApiError(res.status, 'http_' + res.status, `请求失败（HTTP ${res.status}）`)
}

function handleGlobally(err: ApiError) {
  if (err.status === 401) {
    hooks.onUnauthorized()
    return
  }
  if (err.status === 403 && err.code === 'password_change_required') {
    hooks.onPasswordChangeRequired()
    return
  }
  ElMessage.error(err.message)
}

export async function request<T = unknown>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET'
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (method !== 'GET') {
    const token = hooks.csrfToken()
    if (token) headers['X-CSRF-Token'] = token
  }
  let body: string | undefined
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.body)
  }

  let res: Response
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
    })
  } catch {
    const err = new ApiError(0, 'network', '无法连接服务器，请检查网络后重试')
    if (!opts.quiet) ElMessage.error(err.message)
    throw err
  }

  if (!res.ok) {
    const err = await toError(res)
    if (!opts.quiet) handleGlobally(err)
    throw err
  }
  if (res.status === 204) return null as T
  const text = await res.text()
  return (text ? JSON.parse(text) : null) as T
}

/** The MIME type the server expects for an uploaded spreadsheet, from its name. */
export function spreadsheetType(file: File): string {
  const name = file.name.toLowerCase()
  if (name.endsWith('.csv')) return 'text/csv'
  return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
}

/**
 * POSTs a file as the raw request body (imports): the file's own content
 * type, the CSRF header, the answer as JSON. Errors are handled as request() does.
 */
export async function upload<T = unknown>(
  path: string,
  file: File,
  query?: Query,
  opts: { quiet?: boolean; accept?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: opts.accept ?? 'application/json',
    'Content-Type': spreadsheetType(file),
  }
  const token = hooks.csrfToken()
  if (token) headers['X-CSRF-Token'] = token
  let res: Response
  try {
    res = await fetch(buildUrl(path, query), { method: 'POST', headers, body: file, credentials: 'same-origin' })
  } catch {
    const err = new ApiError(0, 'network', '无法连接服务器，请检查网络后重试')
    if (!opts.quiet) ElMessage.error(err.message)
    throw err
  }
  if (!res.ok) {
    const err = await toError(res)
    if (!opts.quiet) handleGlobally(err)
    throw err
  }
  const text = await res.text()
  return (text ? JSON.parse(text) : null) as T
}

/** The file name in a Content-Disposition header (filename* first), or null. */
export function dispositionName(header: string | null): string | null {
  if (!header) return null
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''))
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header)
  return plain ? plain[1].trim() : null
}

/** Hands a Blob to the browser as a download named `name`. */
export function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * Fetches a file (exports, templates, error workbooks) and saves it under the
 * server's file name, or `fallbackName`. With `file`, POSTs it as the body.
 */
export async function download(
  path: string,
  fallbackName: string,
  opts: { query?: Query; file?: File; quiet?: boolean } = {},
): Promise<void> {
  const headers: Record<string, string> = { Accept: '*/*' }
  let method = 'GET'
  if (opts.file) {
    method = 'POST'
    headers['Content-Type'] = spreadsheetType(opts.file)
    const token = hooks.csrfToken()
    if (token) headers['X-CSRF-Token'] = token
  }
  let res: Response
  try {
    res = await fetch(buildUrl(path, opts.query), { method, headers, body: opts.file, credentials: 'same-origin' })
  } catch {
    const err = new ApiError(0, 'network', '无法连接服务器，请检查网络后重试')
    if (!opts.quiet) ElMessage.error(err.message)
    throw err
  }
  if (!res.ok) {
    const err = await toError(res)
    if (!opts.quiet) handleGlobally(err)
    throw err
  }
  const blob = await res.blob()
  saveBlob(blob, dispositionName(res.headers.get('Content-Disposition')) ?? fallbackName)
}

export const http = {
  get: <T>(path: string, query?: Query, quiet?: boolean) => request<T>(path, { query, quiet }),
  post: <T>(path: string, body?: unknown, quiet?: boolean) =>
    request<T>(path, { method: 'POST', body, quiet }),
  patch: <T>(path: string, body?: unknown, quiet?: boolean) =>
    request<T>(path, { method: 'PATCH', body, quiet }),
  del: <T>(path: string, quiet?: boolean) => request<T>(path, { method: 'DELETE', quiet }),
}

/** A list endpoint's answer. */
export interface Page<T> {
  items: T[]
  total: number
  page: number
  size: number
}
