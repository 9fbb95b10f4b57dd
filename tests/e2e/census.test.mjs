// The census and the party org tree through the browser, on the demo
// district: find an org by a two-character name fragment and open its
// detail; open 党组织, select a joint branch, see the orgs it covers and its
// warnings with their rule ids; a street user sees only his street. The
// ledger's pager: 10 a page, the next page, a size change back on page 1.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startServer } from './server.mjs'
import { openBrowser, shot } from './browser.mjs'
import { checkPager } from './pager.mjs'
import { openMenu, signIn } from './session.mjs'

let server

before(async () => {
  server = await startServer()
})

after(async () => {
  await server?.stop()
})

/** The text of every body row's cells in the table marked data-test=`name`. */
async function tableRows(page, name) {
  const rows = page.locator(`[data-test=${name}] .el-table__body-wrapper tr.el-table__row`)
  return rows.allInnerTexts()
}

test('census: find an org by a two-character fragment, open its detail; party org tree with coverage and warnings', { timeout: 300_000 }, async () => {
  const { page, errors, close } = await openBrowser()
  try {
    await signIn(page, server.url, 'admin', server.password)

    // 两新组织台账: the list, names in pinyin order.
    const isList = (u) => new URL(u).pathname === '/api/v1/orgs'
    const first = page.waitForResponse((r) => isList(r.url()))
    await openMenu(page, '两新组织', '两新组织台账')
    await page.waitForURL(/\/census\/orgs/)
    const table = page.locator('[data-test=org-table]')
    await table.locator('tr.el-table__row').first().waitFor()
    await shot(page, 'census-01-orgs')

    // The pager: 10 a page, page 2, and 20 a page back on page 1.
    const { total } = await (await first).json()
    await checkPager(page, page, { isList, total, rows: table.locator('.el-table__body-wrapper tr.el-table__row') })

    // A two-character fragment (FTS trigram cannot match it; the server falls back).
    const listed = page.waitForResponse((r) => r.url().includes('/api/v1/orgs?') && r.url().includes('q='))
    await page.locator('input[data-test=org-q], [data-test=org-q] input').first().fill('物流')
    await page.locator('[data-test=org-search]').click()
    const answer = await (await listed).json()
    assert.ok(answer.total >= 1, '“物流” finds at least one org')
    for (const o of answer.items) assert.match(o.name, /物流/)
    await table.getByText('西城物流有限公司', { exact: true }).waitFor()
    const names = await table.locator('.el-table__body-wrapper tr.el-table__row td.col-name').allInnerTexts()
    assert.ok(names.length >= 1 && names.every((n) => n.includes('物流')), `rows: ${names.join(' | ')}`)
    await shot(page, 'census-02-search')

    // 详情: every field, the covering party orgs, the history.
    await table.getByText('西城物流有限公司', { exact: true }).click()
    const drawer = page.locator('[data-test=org-detail]')
    await drawer.getByText('统一社会信用代码', { exact: true }).waitFor()
    await drawer.getByText('“五清”情况').waitFor()
    await drawer.getByText('覆盖党组织', { exact: true }).waitFor()
    await drawer.getByText('变更记录', { exact: true }).waitFor()
    assert.match(await drawer.innerText(), /91310199MA1FL0007/)
    await shot(page, 'census-03-detail')
    await page.keyboard.press('Escape')

    // 党组织 → 组织架构: the tree, a joint branch.
    await openMenu(page, '党组织', '组织架构')
    await page.waitForURL(/\/partyorg/)
    const tree = page.locator('[data-test=party-org-tree]')
    const branch = '东湖商圈联合党支部'
    await tree.getByText(branch, { exact: true }).click()
    await page.locator('[data-test=party-org-title]').filter({ hasText: branch }).waitFor()
    await shot(page, 'census-04-party-org')

    // 覆盖组织: a joint branch covers several orgs; add links through the UI if the demo has none.
    await page.getByRole('tab', { name: /覆盖组织/ }).click()
    const coverage = page.locator('[data-test=coverage-table]')
    await coverage.waitFor()
    for (const want of ['东湖餐饮管理有限公司', '东湖鲜果便利店']) {
      if ((await tableRows(page, 'coverage-table')).some((r) => r.includes(want))) continue
      await page.getByRole('button', { name: '添加覆盖组织' }).click()
      const dialog = page.getByRole('dialog', { name: '添加覆盖组织' })
      await dialog.locator('.el-select input').first().fill(want.slice(2, 4))
      await page.locator('.el-select-dropdown__item').filter({ hasText: want }).first().click()
      await dialog.getByRole('button', { name: '确定' }).click()
      await coverage.getByText(want, { exact: true }).waitFor()
    }
    const covered = await tableRows(page, 'coverage-table')
    assert.ok(covered.length >= 2, `a joint branch covers several orgs: ${covered.join(' | ')}`)
    await shot(page, 'census-05-coverage')

    // 预警: each warning with its rule id and a Chinese message.
    await page.locator('[data-test=warnings-tab]').click()
    const warnings = page.locator('[data-test=warnings]')
    await warnings.waitFor()
    const rules = await warnings.locator('[data-test=rule]').allInnerTexts()
    assert.ok(rules.length >= 1, 'the branch has warnings')
    for (const r of rules) assert.match(r.trim(), /^R-ORG-\d$/)
    assert.match(await warnings.innerText(), /[\u4e00-\u9fa5]/)
    await shot(page, 'census-06-warnings')

    // 预警提示: all warnings in scope, filterable by rule.
    await openMenu(page, '党组织', '预警提示')
    await page.waitForURL(/\/partyorg\/warnings/)
    await page.locator('[data-test=warning-table] tr.el-table__row').first().waitFor()
    await shot(page, 'census-07-warning-list')

    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})

test('a street user sees only his street and no 属地管理', { timeout: 240_000 }, async () => {
  const password = server.passwordFor('donghu')
  assert.ok(password, 'the demo prints donghu’s one-time password')
  const { page, errors, close } = await openBrowser()
  try {
    await signIn(page, server.url, 'donghu', password)
    const menu = page.locator('aside .el-menu')
    await menu.getByText('两新组织', { exact: true }).waitFor()
    assert.equal(await menu.getByText('属地管理', { exact: true }).count(), 0)
    assert.equal(await menu.getByText('用户管理', { exact: true }).count(), 0)

    await openMenu(page, '两新组织', '两新组织台账')
    await page.locator('[data-test=org-table] tr.el-table__row').first().waitFor()
    const areas = await page.locator('[data-test=org-table] .el-table__body-wrapper tr.el-table__row td.col-area').allInnerTexts()
    assert.ok(areas.length > 0)
    for (const a of areas) assert.match(a, /东湖/, `only 东湖 orgs: ${a}`)
    await shot(page, 'census-08-street-orgs')

    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})
