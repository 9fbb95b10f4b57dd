// The platform shell through the browser: log in with the one-time password,
// the forced password change, the menu, users, audit log, log out.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startServer } from './server.mjs'
import { openBrowser, shot } from './browser.mjs'

let server

before(async () => {
  server = await startServer()
})

after(async () => {
  await server?.stop()
})

async function logIn(page, login, password) {
  await page.getByPlaceholder('登录名').fill(login)
  await page.getByPlaceholder('密码').fill(password)
  await page.getByRole('button', { name: '登录' }).click()
}

test('wrong password shows the server message on the login page', { timeout: 180_000 }, async () => {
  const { page, errors, close } = await openBrowser()
  try {
    await page.goto(server.url)
    await page.waitForURL(/\/login/)
    await page.getByRole('button', { name: '登录' }).waitFor()

    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/session') && r.request().method() === 'POST')
    await logIn(page, 'admin', 'Wrong-Passw0rd!')
    const res = await answer
    assert.equal(res.status(), 401)
    const body = await res.json()
    assert.equal(body.error.code, 'bad_credentials')

    const alert = page.locator('[data-test=login-error]')
    await alert.waitFor()
    assert.equal((await alert.innerText()).trim(), body.error.message)
    assert.match(page.url(), /\/login/)
    await shot(page, 'wrong-password')
    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})

test('platform shell', { timeout: 300_000 }, async () => {
  const { page, errors, close } = await openBrowser()
  try {
    // The login page, in Chinese.
    await page.goto(server.url)
    await page.waitForURL(/\/login/)
    await page.getByRole('button', { name: '登录' }).waitFor()
    assert.match(await page.locator('body').innerText(), /登录/)
    await shot(page, '01-login')

    // First login with the one-time password: a password change is required.
    await logIn(page, 'admin', server.password)
    await page.waitForURL(/\/change-password/)
    await page.getByText('至少8位，包含大写字母、小写字母、数字、符号中的至少三类').waitFor()
    await shot(page, '02-change-password')

    const newPassword = 'Lx-e2e-' + Date.now().toString(36) + '!A9'
    await page.locator('input[name=old_password]').fill(server.password)
    await page.locator('input[name=new_password]').fill(newPassword)
    await page.locator('input[name=confirm_password]').fill(newPassword)
    await page.getByRole('button', { name: '确定' }).click()

    // The layout with the Chinese menu.
    await page.waitForURL((u) => u.pathname === '/')
    const menu = page.locator('aside .el-menu')
    for (const item of ['首页', '系统管理', '用户管理', '审计日志']) {
      await menu.getByText(item, { exact: true }).waitFor()
    }
    // 首页 is the 数据看板 for the admin (dashboard.test.mjs checks its figures).
    await page.locator('[data-test=dashboard]').getByText('数据看板', { exact: true }).waitFor()
    await page.locator('[data-test=kpi-orgs]').waitFor()
    await shot(page, '03-home')

    // 用户管理 lists the admin.
    await menu.getByText('用户管理', { exact: true }).click()
    await page.waitForURL(/\/system\/users/)
    await page.locator('.el-table__body').getByRole('cell', { name: 'admin', exact: true }).waitFor()
    await shot(page, '04-users')

    // 审计日志 has entries (at least this session's login and password change).
    await menu.getByText('审计日志', { exact: true }).click()
    await page.waitForURL(/\/system\/audit/)
    await page.locator('.el-table__body tr.el-table__row').first().waitFor()
    assert.ok((await page.locator('.el-table__body tr.el-table__row').count()) > 0)
    await shot(page, '05-audit')

    // 退出登录, confirmed, back at the login page.
    await page.getByRole('button', { name: '退出登录' }).click()
    await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click()
    await page.waitForURL(/\/login/)
    await page.getByRole('button', { name: '登录' }).waitFor()
    await shot(page, '06-logged-out')

    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})

test('an unknown address shows the 404 page', { timeout: 120_000 }, async () => {
  const { page, errors, close } = await openBrowser()
  try {
    await page.goto(server.url + '/no-such-page')
    await page.getByText('抱歉，您访问的页面不存在').waitFor()
    await shot(page, 'not-found')
    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})

// Last: it locks the admin out of this server.
test('repeated wrong passwords show the lockout message as the server words it', { timeout: 180_000 }, async () => {
  const { page, errors, close } = await openBrowser()
  try {
    await page.goto(server.url + '/login')
    await page.getByRole('button', { name: '登录' }).waitFor()
    let body
    for (let i = 0; i < 15; i++) {
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/session') && r.request().method() === 'POST')
      await logIn(page, 'admin', 'Wrong-Passw0rd!')
      const res = await answer
      body = await res.json()
      if (res.status() === 423) break
      assert.equal(res.status(), 401)
    }
    assert.equal(body.error.code, 'locked', '15 次错误密码后账号仍未锁定')
    const alert = page.locator('[data-test=login-error]')
    await page.waitForFunction(
      ([sel, text]) => document.querySelector(sel)?.textContent?.trim() === text,
      ['[data-test=login-error]', body.error.message],
    )
    assert.equal((await alert.innerText()).trim(), body.error.message)
    await shot(page, 'locked')
    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})
