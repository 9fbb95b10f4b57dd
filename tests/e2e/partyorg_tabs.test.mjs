// The record tabs of a party org (组织架构): 班子成员, 指导员联络员, 覆盖组织,
// 群团组织 — each 新增 dialog checks its form in the browser, sends it, shows
// a server refusal under the field, and the new row appears; 显示已结束 brings
// back ended rows; a 结束 asks for a date and a confirmation.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startServer } from './server.mjs'
import { openBrowser, shot } from './browser.mjs'
import { openMenu, signIn } from './session.mjs'

let server

before(async () => {
  server = await startServer()
})

after(async () => {
  await server?.stop()
})

async function rows(page, dataTest) {
  return page
    .locator(`[data-test=${dataTest}] .el-table__body-wrapper tr.el-table__row`)
    .evaluateAll((trs) => trs.map((tr) => tr.innerText.replace(/\s+/g, ' ').trim()))
}

test('party org tabs: add a committee member, an instructor (phone checked), a mass org; end one; show ended', { timeout: 300_000 }, async () => {
  const { page, errors, close } = await openBrowser()
  try {
    await signIn(page, server.url, 'admin', server.password)
    await openMenu(page, '党组织', '组织架构')
    const branch = '东湖商圈联合党支部'
    await page.locator('[data-test=party-org-tree]').getByText(branch, { exact: true }).click()
    await page.locator('[data-test=party-org-title]').filter({ hasText: branch }).waitFor()

    // 班子成员: the branch has a secretary, so 新增 proposes 委员.
    await page.getByRole('tab', { name: /班子成员/ }).click()
    await page.getByRole('button', { name: '新增班子成员' }).click()
    let dialog = page.getByRole('dialog', { name: '新增班子成员' })
    await dialog.getByRole('button', { name: '确定' }).click()
    await dialog.getByText('请输入姓名').waitFor() // checked in the browser, nothing sent
    await dialog.locator('input[maxlength="50"]').fill('吴委员')
    await dialog.getByRole('button', { name: '确定' }).click()
    await page.locator('[data-test=committee-table]').getByText('吴委员', { exact: true }).waitFor()
    assert.ok((await rows(page, 'committee-table')).some((r) => r.includes('吴委员') && r.includes('委员')))
    await shot(page, 'tabs-01-committee')

    // 离任 on today, confirmed; the row leaves today's list and comes back with 显示已离任.
    const row = page.locator('[data-test=committee-table] tr.el-table__row').filter({ hasText: '吴委员' })
    await row.getByRole('button', { name: '离任' }).click()
    await page.getByRole('dialog', { name: '离任' }).getByRole('button', { name: '确认离任' }).click()
    await page.locator('.el-message-box').getByRole('button', { name: '确认离任' }).click()
    await page.getByText('已离任').first().waitFor()
    await page.getByText('显示已离任').click()
    await page.locator('[data-test=committee-table]').getByText('吴委员', { exact: true }).waitFor()

    // 指导员联络员: a bad mobile is refused in the browser; a good one is shown masked.
    await page.getByRole('tab', { name: /指导员联络员/ }).click()
    await page.getByRole('button', { name: '新增指导员/联络员' }).click()
    dialog = page.getByRole('dialog', { name: '新增指导员/联络员' })
    await dialog.locator('input[maxlength="50"]').fill('钱指导')
    await dialog.getByPlaceholder('11位手机号码').fill('1381234')
    await dialog.getByRole('button', { name: '确定' }).click()
    await dialog.locator('.el-form-item__error').first().waitFor()
    assert.equal((await rows(page, 'assignment-table')).filter((r) => r.includes('钱指导')).length, 0)
    await dialog.getByPlaceholder('11位手机号码').fill('13812345678')
    await dialog.getByRole('button', { name: '确定' }).click()
    await page.locator('[data-test=assignment-table]').getByText('钱指导', { exact: true }).waitFor()
    const assigned = (await rows(page, 'assignment-table')).find((r) => r.includes('钱指导'))
    assert.ok(assigned && !assigned.includes('13812345678') && /138\*+5678/.test(assigned), assigned)
    await shot(page, 'tabs-02-assignment')

    // 覆盖组织: without an org the form says so and sends nothing.
    await page.getByRole('tab', { name: /覆盖组织/ }).click()
    await page.getByRole('button', { name: '添加覆盖组织' }).click()
    dialog = page.getByRole('dialog', { name: '添加覆盖组织' })
    await dialog.getByRole('button', { name: '确定' }).click()
    await dialog.getByText('请选择要覆盖的组织').waitFor()
    await dialog.getByRole('button', { name: '取消' }).click()

    // 群团组织: a union in one of the covered orgs.
    await page.getByRole('tab', { name: /群团组织/ }).click()
    await page.getByRole('button', { name: /新增群团组织/ }).click()
    dialog = page.getByRole('dialog', { name: '新增群团组织' })
    await dialog.getByRole('button', { name: '确定' }).click()
    await page.locator('[data-test=mass-org-table]').getByText('工会', { exact: true }).first().waitFor()
    await shot(page, 'tabs-03-mass')

    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})
