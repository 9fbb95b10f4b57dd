// Signing in through the login page, including the forced change of a
// one-time password on first login.

/** Logs in as `login`; on first login sets a new password. Returns the password now valid. */
export async function signIn(page, url, login, password) {
  await page.goto(url + '/login')
  await page.getByRole('button', { name: '登录' }).waitFor()
  await page.getByPlaceholder('登录名').fill(login)
  await page.getByPlaceholder('密码').fill(password)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL((u) => u.pathname === '/' || u.pathname === '/change-password')
  if (new URL(page.url()).pathname !== '/change-password') return password

  const fresh = 'Lx-e2e-' + Date.now().toString(36) + '!A9'
  await page.locator('input[name=old_password]').fill(password)
  await page.locator('input[name=new_password]').fill(fresh)
  await page.locator('input[name=confirm_password]').fill(fresh)
  await page.getByRole('button', { name: '确定' }).click()
  await page.waitForURL((u) => u.pathname === '/')
  return fresh
}

/** Opens a page from the left menu: the group, then the entry. */
export async function openMenu(page, group, entry) {
  const menu = page.locator('aside .el-menu')
  const item = menu.getByText(entry, { exact: true })
  if (!(await item.isVisible())) await menu.getByText(group, { exact: true }).click()
  await item.click()
}
