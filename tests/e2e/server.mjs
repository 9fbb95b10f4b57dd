// Starts a real `liangxin serve` on a temporary SQLite database with the demo
// district, for the browser tests. The binary is $LX_BINARY or build/liangxin.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/**
 * @returns {Promise<{url: string, password: string, passwordFor: (login: string) => string | null, output: () => string, stop: () => Promise<void>}>}
 */
export async function startServer({ timeoutMs = 120_000 } = {}) {
  const binary = path.resolve(repoRoot, process.env.LX_BINARY ?? 'build/liangxin')
  if (!existsSync(binary)) throw new Error(`找不到服务程序 ${binary}（先构建，或设置 LX_BINARY）`)
  if (!existsSync(path.join(repoRoot, 'web/dist/index.html'))) {
    throw new Error('找不到 web/dist/index.html（先在 web/ 中运行 npm run build）')
  }

  const dir = mkdtempSync(path.join(os.tmpdir(), 'lx-e2e-'))
  const args = ['serve', '--db', `sqlite:${dir}/e2e.db`, '--demo', '--listen', '127.0.0.1:0', '--web', 'web/dist']
  const child = spawn(binary, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })

  const lines = []
  const output = () => lines.join('\n')
  readline.createInterface({ input: child.stderr }).on('line', (l) => lines.push('[stderr] ' + l))

  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  let running = true
  exited.then(() => (running = false))

  async function stop() {
    if (running) {
      child.kill('SIGTERM')
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await exited
      clearTimeout(killer)
    }
    rmSync(dir, { recursive: true, force: true })
  }

  try {
    const { url, password } = await new Promise((resolve, reject) => {
      // With --demo the server also prints demo accounts' one-time passwords;
      // the admin's line is the one to use (it names admin), else the first.
      let url, password, adminPassword
      const timer = setTimeout(
        () => reject(new Error(`服务在 ${timeoutMs / 1000} 秒内没有打印访问地址和一次性密码。输出：\n${output()}`)),
        timeoutMs,
      )
      readline.createInterface({ input: child.stdout }).on('line', (l) => {
        lines.push(l)
        url ??= /访问地址: (http\S+)/.exec(l)?.[1]
        const pw = /一次性密码: (\S+)/.exec(l)?.[1]
        if (pw) {
          password ??= pw
          if (/\badmin\b/.test(l)) adminPassword ??= pw
        }
        if (url && password) {
          clearTimeout(timer)
          resolve({ url: url.replace(/\/$/, ''), password: adminPassword ?? password })
        }
      })
      child.once('error', (e) => {
        clearTimeout(timer)
        reject(e)
      })
      exited.then(({ code, signal }) => {
        clearTimeout(timer)
        reject(new Error(`服务启动后退出（code ${code}, signal ${signal}）。输出：\n${output()}`))
      })
    })
    /** A demo account's one-time password, from the lines the server printed (null if none). */
    const passwordFor = (login) => {
      for (const l of lines) {
        const m = /(?:账号): (\S+?)(?:（[^）]*）)?\s+一次性密码: (\S+)/.exec(l)
        if (m && m[1] === login) return m[2]
      }
      return null
    }
    return { url, password, passwordFor, output, stop }
  } catch (e) {
    await stop()
    throw e
  }
}
