// Debian's Chromium under playwright-core, and full-page screenshots under test-output/e2e/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { repoRoot } from './server.mjs'

export const shotsDir = path.join(repoRoot, 'test-output', 'e2e')

/**
 * A fresh Chromium profile with one page, in Chinese and Beijing time.
 * Options: `viewport` (default 1366×800; the screen is as large), `isMobile`
 * and `hasTouch` (a phone: mobile metrics, tap()), `deviceScaleFactor`.
 * Returns the context, the page, the page's uncaught errors and close().
 */
export async function openBrowser({ viewport = { width: 1366, height: 800 }, isMobile = false, hasTouch = false, deviceScaleFactor } = {}) {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'lx-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.LX_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport,
    screen: viewport,
    isMobile,
    hasTouch,
    ...(deviceScaleFactor ? { deviceScaleFactor } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  context.setDefaultTimeout(30_000)
  context.setDefaultNavigationTimeout(60_000)
  const page = context.pages()[0] ?? (await context.newPage())

  // Uncaught errors in the app fail the test that made them.
  const errors = []
  page.on('pageerror', (e) => errors.push(String(e)))

  async function close() {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  }
  return { context, page, errors, close }
}

/** Saves a full-page PNG as test-output/e2e/<name>.png. */
export async function shot(page, name) {
  mkdirSync(shotsDir, { recursive: true })
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true, animations: 'disabled' })
}
