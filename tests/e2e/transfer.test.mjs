// 组织关系转接 through the browser on the demo district. The administrator
// starts a transfer from 西城物流有限公司党支部 to 东湖科技有限公司党支部 and
// another one he then 撤回 (with a confirmation); the receiving branch's
// secretary (shuji) sees both pending transfers into his branch under 待接收,
// the demo's old one marked 超期, accepts the new one — the member is then
// his branch's — and sends the old one back with a reason, which 全部/历史
// shows; then he himself sends 欧阳明 to 西城物流有限公司党支部, a branch
// beyond his own scope, found by name in the dialog. Last, 转出 to and 转入
// from party orgs outside the system.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { idNumber } from './api.mjs'
import { startServer } from './server.mjs'
import { openBrowser, shot } from './browser.mjs'
import { openMenu, signIn } from './session.mjs'

let server
let adminPassword

before(async () => {
  server = await startServer()
})

after(async () => {
  await server?.stop()
})

const SENDER = '西城物流有限公司党支部'
const RECEIVER = '东湖科技有限公司党支部'

/** The transfer table's rows, each as its cells' texts. */
async function tableRows(page) {
  return page
    .locator('[data-test=transfer-table] .el-table__body-wrapper tr.el-table__row')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.replace(/\s+/g, ' ').trim())))
}

function rowOf(page, name) {
  return page.locator('[data-test=transfer-table] .el-table__body-wrapper tr.el-table__row').filter({ hasText: name })
}

/** Opens a tab (incoming, outgoing, all) and waits for its list to be shown. */
async function openTab(page, box) {
  const listed = page.waitForResponse((r) => {
    const u = new URL(r.url())
    return u.pathname === '/api/v1/transfers' && u.searchParams.get('box') === box && u.searchParams.get('size') !== '1'
  })
  await page.locator(`[data-test=tab-${box}]`).click()
  const answer = await (await listed).json()
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('[data-test=transfer-table] .el-table__body-wrapper tr.el-table__row').length === n &&
      !document.querySelector('[data-test=transfer-table] .el-loading-mask'),
    answer.items.length,
  )
  return answer
}

/** Picks a member in a TransferMemberSelect by typing the name; returns the option's party org text. */
async function pickMember(page, dialog, name) {
  await dialog.locator('.el-select input').first().fill(name)
  const option = page.locator('.el-select-dropdown:visible .el-select-dropdown__item').filter({ hasText: name }).first()
  await option.waitFor()
  const meta = (await option.locator('[data-test=member-option-meta]').innerText()).trim()
  await option.click()
  return meta
}

/** Picks a party org in a PartyOrgSelect (the form item holding it) by its name. */
async function pickPartyOrg(page, item, name) {
  await item.locator('.el-select').click()
  await item.locator('.el-select input').fill(name)
  await page.locator('.el-select-dropdown:visible .el-tree-node__content').filter({ hasText: name }).first().click()
}

/**
 * Picks the receiving party org of 发起转接 by typing its name (a remote
 * search over GET /transfers/destinations); returns the option's meta text.
 */
async function pickDestination(page, dialog, name) {
  const item = dialog.locator('.el-form-item').filter({ hasText: '接收党组织' })
  const searched = page.waitForResponse((r) => {
    const u = new URL(r.url())
    return u.pathname === '/api/v1/transfers/destinations' && u.searchParams.get('q') === name
  })
  await item.locator('.el-select input').fill(name)
  assert.equal((await searched).status(), 200)
  const option = page.locator('.el-select-dropdown:visible .el-select-dropdown__item').filter({ hasText: name }).first()
  await option.waitFor()
  const meta = (await option.locator('[data-test=destination-option-meta]').innerText()).trim()
  await option.click()
  return meta
}

/** A GET /members answer for a name, as the page's session sees it. */
async function membersNamed(page, name) {
  return page.evaluate(async (q) => (await (await fetch(`/api/v1/members?q=${encodeURIComponent(q)}`)).json()).items, name)
}

test('transfers: start, cancel, accept and reject as the receiving branch; in and out of the system', { timeout: 300_000 }, async () => {
  // ---- the administrator starts two transfers and takes one back
  let b = await openBrowser()
  try {
    const { page, errors } = b
    adminPassword = await signIn(page, server.url, 'admin', server.password)
    await openMenu(page, '党员管理', '组织关系转接')
    await page.waitForURL(/\/members\/transfers/)
    await page.locator('[data-test=transfer-table]').waitFor()
    await shot(page, 'transfer-01-page')

    for (const [name, to, note] of [
      ['黄涛', RECEIVER, '工作调动至东湖科技有限公司'],
      ['吴子轩', '西城社会组织联合党支部', '拟调动，待确认'],
    ]) {
      await page.locator('[data-test=transfer-start]').click()
      const dialog = page.getByRole('dialog', { name: '发起组织关系转接' })
      await dialog.waitFor()
      const meta = await pickMember(page, dialog, name)
      assert.match(meta, new RegExp(SENDER), `${name} is in ${SENDER} before: ${meta}`)
      await dialog.locator('[data-test=transfer-current-org]').getByText(SENDER).waitFor()
      await pickDestination(page, dialog, to)
      await dialog.getByPlaceholder('如：工作调动').fill(note)
      const started = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/transfers')
      await dialog.getByRole('button', { name: '确定' }).click()
      const answer = await started
      assert.equal(answer.status(), 201, await answer.text())
      const t = await answer.json()
      assert.equal(t.to_party_org_name, to)
      assert.equal(t.status, 'pending')
      await dialog.waitFor({ state: 'hidden' })
      await rowOf(page, name).filter({ hasText: '待接收' }).waitFor() // on 已发出
    }
    const outgoing = await tableRows(page)
    assert.ok(outgoing.some((r) => r[0] === '黄涛' && r.includes(SENDER) && r.includes(RECEIVER) && r.join(' ').includes('待接收')))
    await shot(page, 'transfer-02-outgoing')

    // 撤回 asks first; cancelled, it reads 已撤回 and 吴子轩 stays where he was.
    await rowOf(page, '吴子轩').getByRole('button', { name: '撤回' }).click()
    const box = page.locator('.el-message-box')
    await box.getByText('确认撤回吴子轩转往“西城社会组织联合党支部”').waitFor()
    await box.getByRole('button', { name: '撤回' }).click()
    await rowOf(page, '吴子轩').filter({ hasText: '已撤回' }).waitFor()
    assert.equal((await membersNamed(page, '吴子轩'))[0].party_org_name, SENDER)
    assert.deepEqual(errors, [])
  } finally {
    await b.close()
  }

  // ---- the receiving branch's secretary accepts one and sends the other back
  const password = server.passwordFor('shuji')
  assert.ok(password, 'the demo prints shuji’s one-time password')
  b = await openBrowser()
  try {
    const { page, errors } = b
    await signIn(page, server.url, 'shuji', password)
    await openMenu(page, '党员管理', '组织关系转接')
    const waiting = await openTab(page, 'outgoing').then(() => openTab(page, 'incoming'))
    assert.ok(waiting.items.every((t) => t.status === 'pending' && t.to_party_org_name === RECEIVER))
    const rows = await tableRows(page)
    const huang = rows.find((r) => r[0] === '黄涛')
    const ma = rows.find((r) => r[0] === '马磊')
    assert.ok(huang && ma, `both wait for shuji: ${rows.map((r) => r.join(' | ')).join('\n')}`)
    // The demo's transfer of 马磊 is older than the setting allows: marked 超期; the new one is not.
    assert.ok(waiting.items.find((t) => t.person_name === '马磊').overdue)
    assert.ok(ma.join(' ').includes('超期'), ma.join(' | '))
    assert.ok(!huang.join(' ').includes('超期'), huang.join(' | '))
    await page.locator('[data-test=tab-incoming] .el-badge').getByText(String(waiting.total)).waitFor()
    await shot(page, 'transfer-03-incoming')

    // 接收: from today the member is the receiving branch's.
    await rowOf(page, '黄涛').getByRole('button', { name: '接收' }).click()
    let dialog = page.getByRole('dialog', { name: '接收组织关系' })
    await dialog.waitFor()
    const accepted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/accept'))
    await dialog.getByRole('button', { name: '接收' }).click()
    const acc = await accepted
    assert.equal(acc.status(), 200, await acc.text())
    assert.equal((await acc.json()).status, 'accepted')
    await dialog.waitFor({ state: 'hidden' })
    await page.waitForFunction(() => ![...document.querySelectorAll('[data-test=transfer-table] tr.el-table__row')].some((tr) => tr.innerText.includes('黄涛')))
    // The member is now under the receiving branch: the member picker (in shuji's scope) says so, as does the record.
    await page.locator('[data-test=transfer-start]').click()
    dialog = page.getByRole('dialog', { name: '发起组织关系转接' })
    await dialog.waitFor()
    const meta = await pickMember(page, dialog, '黄涛')
    assert.match(meta, new RegExp(RECEIVER), meta)
    await dialog.locator('[data-test=transfer-current-org]').getByText(RECEIVER).waitFor()
    await shot(page, 'transfer-04-moved')
    await dialog.getByRole('button', { name: '取消' }).click()
    const huangNow = (await membersNamed(page, '黄涛')).find((m) => m.name === '黄涛')
    assert.equal(huangNow.party_org_name, RECEIVER)
    const history = await page.evaluate(async (id) => (await (await fetch(`/api/v1/members/${id}`)).json()), huangNow.id)
    assert.ok(history.memberships.some((m) => m.party_org_name === SENDER && m.end_reason === 'transfer'))

    // 退回 needs a reason; the member stays with the sender.
    await rowOf(page, '马磊').getByRole('button', { name: '退回' }).click()
    dialog = page.getByRole('dialog', { name: '退回组织关系转接' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: '退回' }).click()
    await dialog.getByText('请填写退回原因').waitFor() // checked in the browser, nothing sent
    const reason = '介绍信信息有误，请核实后重新发起。'
    await dialog.getByPlaceholder('如：信息有误，请核实后重新发起').fill(reason)
    const rejected = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/reject'))
    await dialog.getByRole('button', { name: '退回' }).click()
    const rej = await rejected
    assert.equal(rej.status(), 200, await rej.text())
    await dialog.waitFor({ state: 'hidden' })
    const history2 = await openTab(page, 'all')
    const back = history2.items.find((t) => t.person_name === '马磊')
    assert.equal(back.status, 'rejected')
    assert.equal(back.reason, reason)
    const row = (await tableRows(page)).find((r) => r[0] === '马磊').join(' | ')
    assert.ok(row.includes('已退回') && row.includes(reason), row)
    assert.ok((await tableRows(page)).some((r) => r[0] === '黄涛' && r.join(' ').includes('已接收')))
    await shot(page, 'transfer-05-history')
    assert.equal((await membersNamed(page, '马磊')).length, 0, '马磊 is not in shuji’s branch')

    // shuji himself sends 欧阳明 to 西城物流, which is not in his scope: the
    // dialog finds it all the same and says nothing against it.
    const ownOrgs = await page.evaluate(async () => (await (await fetch('/api/v1/party-orgs')).json()).items)
    assert.ok(ownOrgs.length > 0 && !ownOrgs.some((p) => p.name === SENDER), `${SENDER} is beyond shuji’s scope`)
    await page.locator('[data-test=transfer-start]').click()
    dialog = page.getByRole('dialog', { name: '发起组织关系转接' })
    await dialog.waitFor()
    assert.match(await pickMember(page, dialog, '欧阳明'), new RegExp(RECEIVER))
    const destMeta = await pickDestination(page, dialog, SENDER)
    assert.match(destMeta, /党支部$/, destMeta) // its parent and type
    assert.equal(await dialog.getByText('管理范围内').count(), 0, 'no notice against sending beyond the scope')
    await dialog.getByPlaceholder('如：工作调动').fill('工作调动至西城物流有限公司')
    const sent = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/transfers')
    await dialog.getByRole('button', { name: '确定' }).click()
    const sentAnswer = await sent
    assert.equal(sentAnswer.status(), 201, await sentAnswer.text())
    await dialog.waitFor({ state: 'hidden' })
    await rowOf(page, '欧阳明').filter({ hasText: '待接收' }).waitFor() // on 已发出
    const mine = await page.evaluate(async () => (await (await fetch('/api/v1/transfers?box=outgoing&status=pending&size=100')).json()).items)
    const ouyang = mine.find((t) => t.person_name === '欧阳明')
    assert.ok(ouyang, JSON.stringify(mine))
    assert.equal(ouyang.kind, 'internal')
    assert.equal(ouyang.from_party_org_name, RECEIVER)
    assert.equal(ouyang.to_party_org_name, SENDER)
    assert.equal(ouyang.started_by, 'shuji')
    await shot(page, 'transfer-06-beyond-scope')
    assert.deepEqual(errors, [])
  } finally {
    await b.close()
  }

  // ---- 转出 to and 转入 from outside the system (administrator)
  b = await openBrowser()
  try {
    const { page, errors } = b
    await signIn(page, server.url, 'admin', adminPassword)
    assert.equal((await membersNamed(page, '马磊'))[0].party_org_name, SENDER, 'a rejected transfer leaves the member with the sender')
    await openMenu(page, '党员管理', '组织关系转接')
    await page.locator('[data-test=transfer-table]').waitFor()

    await page.locator('[data-test=transfer-out]').click()
    let dialog = page.getByRole('dialog', { name: '转出到系统外' })
    await dialog.waitFor()
    await pickMember(page, dialog, '周军')
    await dialog.getByPlaceholder('系统外接收党组织的全称').fill('外省某市某某科技公司党支部')
    await dialog.getByPlaceholder('组织关系介绍信编号').fill('沪组转字第2026-0088号')
    await dialog.getByRole('button', { name: '转出' }).click()
    const box = page.locator('.el-message-box')
    await box.getByText('在本系统的组织关系自').waitFor() // ends the membership: asked first
    const out = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/transfers/out'))
    await box.getByRole('button', { name: '确认转出' }).click()
    assert.equal((await out).status(), 201)
    await dialog.waitFor({ state: 'hidden' })
    await rowOf(page, '周军').filter({ hasText: '转出到系统外' }).filter({ hasText: '沪组转字第2026-0088号' }).waitFor()
    assert.equal((await membersNamed(page, '周军')).filter((m) => m.current).length, 0)

    await page.locator('[data-test=transfer-in]').click()
    dialog = page.getByRole('dialog', { name: '从系统外转入' })
    await dialog.waitFor()
    const item = (label) => dialog.locator('.el-form-item').filter({ has: page.locator('.el-form-item__label', { hasText: new RegExp(`^${label}$`) }) })
    await item('原党组织').locator('input').fill('外省某市某某物流公司党支部')
    await item('介绍信编号').locator('input').fill('沪组转字第2026-0099号')
    await pickPartyOrg(page, item('接收党组织'), SENDER)
    await item('姓名').locator('input').fill('钱晓东')
    await item('身份证号').locator('input').fill(idNumber('1990-05-17', 271))
    const admitted = item('入党日期').locator('input')
    await admitted.click()
    await admitted.fill('2015-07-01')
    await admitted.press('Enter')
    const confirmed = item('转正日期').locator('input')
    await confirmed.click()
    await confirmed.fill('2016-07-01')
    await confirmed.press('Enter')
    const came = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/transfers/in'))
    await dialog.getByRole('button', { name: '确定' }).click()
    const inAnswer = await came
    assert.equal(inAnswer.status(), 201, await inAnswer.text())
    await dialog.waitFor({ state: 'hidden' })
    await rowOf(page, '钱晓东').filter({ hasText: '从系统外转入' }).filter({ hasText: SENDER }).waitFor()
    const qian = (await membersNamed(page, '钱晓东'))[0]
    assert.equal(qian.party_org_name, SENDER)
    assert.equal(qian.status, 'full')
    await shot(page, 'transfer-07-in-out')
    assert.deepEqual(errors, [])
  } finally {
    await b.close()
  }
})
