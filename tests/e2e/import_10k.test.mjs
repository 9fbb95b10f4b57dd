// Issue #3's acceptance through the UI: the 10,000-row orgs ledger written by
// LibreOffice (tests/fixtures/ledger/orgs_10k.xlsx) is checked, imported by
// the background job with its progress bar, and found in the list; the same
// file again would insert 0 and update 0.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { startServer } from './server.mjs'
import { openBrowser, shot } from './browser.mjs'
import { openMenu, signIn } from './session.mjs'

const FIXTURE = new URL('../fixtures/ledger/orgs_10k.xlsx', import.meta.url)
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

let server

before(async () => {
  server = await startServer()
})

after(async () => {
  await server?.stop()
})

async function dryRun(page, buffer) {
  await page
    .locator('[data-test=import-dialog] input[type=file]')
    .setInputFiles({ name: 'orgs_10k.xlsx', mimeType: XLSX, buffer })
  const answer = page.waitForResponse(
    (r) => r.url().includes('/api/v1/import/orgs') && r.request().method() === 'POST',
    { timeout: 120_000 },
  )
  await page.getByRole('button', { name: '开始校验' }).click()
  return (await answer).json()
}

test('the 10,000-row LibreOffice orgs ledger imports through the UI; again it changes nothing', { timeout: 600_000 }, async () => {
  const buffer = await readFile(FIXTURE)
  const { page, errors, close } = await openBrowser()
  try {
    await signIn(page, server.url, 'admin', server.password)
    await openMenu(page, '两新组织', '两新组织台账')
    await page.locator('[data-test=org-table] tr.el-table__row').first().waitFor()

    await page.getByRole('button', { name: '导入', exact: true }).click()
    const dialog = page.locator('[data-test=import-dialog]')
    const checked = await dryRun(page, buffer)
    assert.deepEqual([checked.rows, checked.inserted, checked.updated, checked.errors.length], [10000, 10000, 0, 0])
    await dialog.locator('[data-test=import-summary]').waitFor()
    await shot(page, 'import10k-01-checked')

    await page.getByRole('button', { name: '确认导入' }).click()
    await dialog.locator('[data-test=import-progress], [data-test=import-result]').first().waitFor()
    await dialog.locator('[data-test=import-result]').getByText('导入完成').waitFor({ timeout: 300_000 })
    await shot(page, 'import10k-02-done')
    await dialog.getByRole('button', { name: '关闭', exact: true }).click()

    // One of the new orgs is found by a fragment of its name.
    await page.locator('input[data-test=org-q], [data-test=org-q] input').first().fill('测试组织09999')
    await page.locator('[data-test=org-search]').click()
    await page.locator('[data-test=org-table]').getByText('测试组织09999有限公司', { exact: true }).waitFor()

    // The API agrees that all 10,000 are there.
    const listed = await page.evaluate(async () => {
      const r = await fetch('/api/v1/orgs?q=' + encodeURIComponent('测试组织') + '&size=1')
      return (await r.json()).total
    })
    assert.equal(listed, 10000)

    // The same file again: nothing to insert or update.
    await page.getByRole('button', { name: '导入', exact: true }).click()
    const again = await dryRun(page, buffer)
    assert.deepEqual([again.rows, again.inserted, again.updated, again.errors.length], [10000, 0, 0, 0])
    await shot(page, 'import10k-03-again')

    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})
