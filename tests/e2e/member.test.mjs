// 党员信息 through the browser, on the demo district: the list equals the
// API's first page; the member ledger (tests/fixtures/ledger/members_e2e.xlsx,
// written by LibreOffice Calc from members_e2e.csv with the ID column as
// text, phones as numbers and dates as date cells:
//   soffice --headless --infilter="CSV:44,34,76,1,3/2,2052" --convert-to xlsx members_e2e.csv)
// checked and imported through 导入; an imported member found by name, the
// row and the detail drawer equal GET /members/{id} (person, membership,
// history); 显示 reveals the ID number, which equals the file's and the
// reveal answer's; 转正 of the imported probationary member; 新增 with that
// ID number again shows the server's refusal under 身份证号; 导出 downloads
// the ledger and is audited; and as admin the audit viewer (/system/audit)
// lists the reveal (member.reveal on member:{id}).
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { api } from './api.mjs'
import { repoRoot, startServer } from './server.mjs'
import { openBrowser, shot } from './browser.mjs'
import { openMenu, signIn } from './session.mjs'

const fixture = path.join(repoRoot, 'tests/fixtures/ledger/members_e2e.xlsx')
/** The rows of the fixture, as its CSV source says. */
const lin = { name: '林晓彤', id: '310101199206150246', party_org: '东湖科技有限公司党支部' }
const sima = { name: '司马骏', id: '310101199803080135', party_org: '西城物流有限公司党支部' }

let server
/** The admin's password once the first sign-in changed the one-time one. */
let adminPassword

before(async () => {
  server = await startServer()
})

after(async () => {
  await server?.stop()
})

/**
 * Records the answers to the app's own API calls (after sign-in): each is
 * fetched by Playwright and handed to the page unchanged, so a test can read
 * what the server answered the UI. (Reading bodies through
 * response.json() closes the page under this Chromium for some answers.)
 */
async function recordApi(page) {
  const waiters = []
  await page.route(
    (u) => u.pathname.startsWith('/api/v1/'),
    async (route) => {
      const req = route.request()
      const res = await route.fetch()
      const body = await res.body()
      await route.fulfill({ response: res, body })
      const a = { url: new URL(req.url()), method: req.method(), status: res.status(), text: body.toString('utf8') }
      if (req.method() !== 'GET' && req.headers()['content-type']?.includes('json')) a.sent = JSON.parse(req.postData() ?? 'null')
      try {
        a.json = JSON.parse(a.text)
      } catch {
        a.json = null
      }
      for (const w of waiters.splice(0)) {
        if (w.match(a)) w.resolve(a)
        else waiters.push(w)
      }
    },
  )
  return {
    /** The next answer matching `match` (an answer {url, method, status, json, sent}). */
    next(match) {
      return new Promise((resolve) => waiters.push({ match, resolve }))
    },
  }
}

/** Every body row of the table marked data-test=`name`, as cell texts. */
async function tableCells(page, name) {
  return page
    .locator(`[data-test=${name}] .el-table__body-wrapper tr.el-table__row`)
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim())))
}

/** Searches the member list by `q`; returns the list answer. */
async function searchMembers(page, rec, q) {
  const listed = rec.next((a) => a.url.pathname === '/api/v1/members' && a.url.searchParams.get('q') === q)
  await page.locator('input[data-test=member-q], [data-test=member-q] input').first().fill(q)
  await page.locator('[data-test=member-search]').click()
  const res = await listed
  assert.equal(res.status, 200)
  // The answer reaches the page a moment before the table shows it.
  await page.waitForFunction(
    (names) => {
      const rows = [...document.querySelectorAll('[data-test=member-table] .el-table__body-wrapper tr.el-table__row')]
      return rows.length === names.length && rows.every((r, i) => r.innerText.includes(names[i]))
    },
    res.json.items.map((m) => m.name),
  )
  return res.json
}

const historyLabels = { registered: '登记为党员', status: '人员类别', created: '建立人员信息' }

test('members: import the ledger, find and open a member, reveal the ID number, 转正, 导出, and the reveal in the audit log', { timeout: 300_000 }, async () => {
  const { page, errors, close } = await openBrowser()
  try {
    adminPassword = await signIn(page, server.url, 'admin', adminPassword ?? server.password)
    const rec = await recordApi(page)

    // 党员信息: the first page equals the API's.
    const first = rec.next((a) => a.url.pathname === '/api/v1/members' && a.method === 'GET')
    await openMenu(page, '党员管理', '党员信息')
    await page.waitForURL(/\/members$/)
    const firstPage = (await first).json
    assert.ok(firstPage.total >= 30, `the demo has its members (total ${firstPage.total})`)
    await page.locator('[data-test=member-table] tr.el-table__row').first().waitFor()
    const names = await page.locator('[data-test=member-table] .el-table__body-wrapper td.col-name').allInnerTexts()
    assert.deepEqual(
      names.map((n) => n.split(/\s/)[0]),
      firstPage.items.map((m) => m.name),
    )
    await page.locator('.table-pager').getByText(`共 ${firstPage.total} 条`).waitFor()
    await shot(page, 'member-01-list')

    // 导入: the LibreOffice file, checked (dry run), then imported by the job.
    await page.getByRole('button', { name: '导入', exact: true }).click()
    const dialog = page.locator('[data-test=import-dialog]')
    await dialog.getByText('导入党员台账').waitFor()
    await dialog.locator('input[type=file]').setInputFiles(fixture)
    const dry = rec.next((a) => a.url.pathname === '/api/v1/import/members' && a.url.searchParams.get('dry_run') === '1')
    await dialog.getByRole('button', { name: '开始校验' }).click()
    const dryRes = await dry
    assert.equal(dryRes.status, 200)
    const report = dryRes.json
    assert.deepEqual(report.errors, [], JSON.stringify(report.errors))
    assert.deepEqual([report.rows, report.inserted, report.updated], [2, 2, 0])
    const summary = await dialog.locator('[data-test=import-summary]').innerText()
    assert.match(summary, /数据行数\s*2/)
    assert.match(summary, /将新增\s*2/)
    await shot(page, 'member-02-import-checked')
    const started = rec.next((a) => a.url.pathname === '/api/v1/import/members' && !a.url.searchParams.has('dry_run'))
    await dialog.getByRole('button', { name: '确认导入' }).click()
    const job = await started
    assert.equal(job.status, 202)
    await dialog.locator('[data-test=import-result]').getByText('导入完成').waitFor({ timeout: 120_000 })
    const finished = await api(page, `/api/v1/jobs/${job.json.job.id}`)
    assert.equal(finished.body.status, 'succeeded')
    const { inserted, updated } = finished.body.result
    assert.deepEqual([inserted, updated], [2, 0])
    assert.match(await dialog.locator('[data-test=import-result]').innerText(), new RegExp(`新增 ${inserted} 条，更新 ${updated} 条`))
    await shot(page, 'member-03-imported')
    await dialog.getByRole('button', { name: '关闭', exact: true }).click()

    // Found by name; the row shows what the API answers (ID number and phone masked).
    const found = await searchMembers(page, rec, lin.name)
    assert.equal(found.total, 1)
    const m = found.items[0]
    assert.equal(m.name, lin.name)
    assert.equal(m.id_number_mask, lin.id.slice(0, 6) + '********' + lin.id.slice(14))
    assert.equal(m.party_org_name, lin.party_org)
    assert.equal(m.status, 'full')
    const [row] = await tableCells(page, 'member-table')
    for (const v of [m.name, m.gender_name, m.birth_date, m.ethnicity, m.education_name, m.id_number_mask, m.phone_mask, m.party_org_name, m.status_name, m.admitted_on, m.confirmed_on, m.workplace_org_name]) {
      assert.ok(row.some((cell) => cell.includes(v)), `the row shows ${v}: ${row.join(' | ')}`)
    }
    assert.ok(!row.join(' ').includes(lin.id), 'the list never shows the plain ID number')
    await shot(page, 'member-04-found')

    // 详情: person, membership and history as GET /members/{id} answers.
    const detailAnswer = rec.next((a) => a.url.pathname === `/api/v1/members/${m.id}`)
    await page.locator('[data-test=member-table]').getByText(lin.name, { exact: true }).click()
    const detail = (await detailAnswer).json
    const drawer = page.locator('[data-test=member-detail]')
    await drawer.locator('[data-test=member-person]').waitFor()
    const person = await drawer.locator('[data-test=member-person]').innerText()
    for (const v of [detail.name, detail.gender_name, detail.id_number_mask, detail.birth_date, `${detail.age}岁`, detail.ethnicity, detail.education_name, detail.phone_mask, detail.workplace_org_name]) {
      assert.ok(person.includes(v), `个人信息 shows ${v}`)
    }
    assert.ok(!person.includes(lin.id), 'masked until 显示')
    const membership = await drawer.locator('[data-test=member-membership]').innerText()
    for (const v of [detail.party_org_name, detail.status_name, detail.admitted_on, detail.confirmed_on, detail.valid_from]) {
      assert.ok(membership.includes(v), `组织关系 shows ${v}`)
    }
    const history = await tableCells(page, 'member-history')
    const expected = [...detail.history].reverse().map((h) => [historyLabels[h.what] ?? h.what, h.old_value ?? '—', h.new_value ?? '—', h.on_date, h.by || '—'])
    assert.ok(expected.length >= 1, 'an imported member has a history row')
    assert.deepEqual(history, expected)
    await shot(page, 'member-05-detail')

    // 显示: the plain ID number, audited; it equals the file's.
    const revealed = rec.next((a) => a.url.pathname === `/api/v1/members/${m.id}/reveal`)
    await drawer.locator('[data-test=member-id-number] [data-test=reveal]').click()
    const revealRes = await revealed
    assert.equal(revealRes.status, 200)
    assert.deepEqual(revealRes.sent, { field: 'id_number' })
    const plain = revealRes.json
    assert.deepEqual([plain.field, plain.value], ['id_number', lin.id])
    await drawer.locator('[data-test=member-id-number] [data-test=masked-text]').getByText(plain.value, { exact: true }).waitFor()
    await shot(page, 'member-06-revealed')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })

    // 转正 of the imported probationary member, after a confirmation.
    const probationary = await searchMembers(page, rec, sima.name)
    assert.equal(probationary.total, 1)
    const s = probationary.items[0]
    assert.deepEqual([s.status, s.mobile, s.party_org_name], ['probationary', true, sima.party_org])
    const simaRow = page.locator('[data-test=member-table] .el-table__body-wrapper tr.el-table__row').filter({ hasText: sima.name })
    await simaRow.getByRole('button', { name: '转正' }).click()
    const statusDialog = page.locator('[data-test=member-status-dialog]')
    await statusDialog.getByText('预备期一年').waitFor()
    await statusDialog.locator('[data-test=member-status-ok]').click()
    const confirmed = rec.next((a) => a.url.pathname === `/api/v1/members/${s.id}/confirm`)
    await page.locator('.el-message-box').getByRole('button', { name: '转正' }).click()
    const confirmRes = await confirmed
    assert.equal(confirmRes.status, 200)
    const after = confirmRes.json
    const day = confirmRes.sent.date
    assert.deepEqual([after.status, after.confirmed_on], ['full', day])
    await simaRow.getByText('正式党员').waitFor()
    const reread = await api(page, `/api/v1/members/${s.id}`)
    assert.deepEqual([reread.body.status, reread.body.confirmed_on], ['full', day])
    assert.ok(reread.body.history.some((h) => h.what === 'status' && h.new_value === '正式党员' && h.on_date === day))
    await shot(page, 'member-07-confirmed')

    // 新增 with an ID number already registered: the server's refusal (409) is shown under 身份证号.
    await page.locator('[data-test=member-new]').click()
    const form = page.locator('[data-test=member-dialog]')
    const item = (label) => form.locator('.el-form-item').filter({ has: page.locator('.el-form-item__label', { hasText: new RegExp(`^${label}$`) }) })
    await form.locator('input[data-test=member-name], [data-test=member-name] input').first().fill('重复登记')
    await form.locator('input[data-test=member-id-number], [data-test=member-id-number] input').first().fill(lin.id)
    await item('性别').getByText('女', { exact: true }).waitFor()
    await item('所在党组织').locator('.el-select').click()
    await page.locator('.el-tree-select__popper:visible').getByText('东湖商圈联合党支部', { exact: true }).click()
    await item('入党日期').locator('input').fill('2020-07-01')
    await item('入党日期').locator('input').press('Enter')
    const created = rec.next((a) => a.url.pathname === '/api/v1/members' && a.method === 'POST')
    await form.locator('[data-test=member-dialog-ok]').click()
    const refusal = await created
    assert.equal(refusal.status, 409)
    assert.equal(refusal.sent.id_number, lin.id)
    assert.equal(refusal.json.error.field, 'id_number')
    assert.match(refusal.json.error.message, new RegExp(lin.name))
    await item('身份证号').locator('.el-form-item__error').getByText(refusal.json.error.message, { exact: true }).waitFor()
    await shot(page, 'member-08-duplicate')
    await form.getByRole('button', { name: '取消' }).click()
    await form.waitFor({ state: 'hidden' })

    // 导出: asks first (plain ID numbers inside), downloads an xlsx, and is audited.
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: '导出', exact: true }).click()
    await page.locator('.el-message-box').getByRole('button', { name: '导出' }).click()
    const file = await download
    assert.match(file.suggestedFilename(), /党员台账.*\.xlsx$/)
    assert.equal(readFileSync(await file.path()).subarray(0, 2).toString('latin1'), 'PK', 'the export is an xlsx (zip) file')
    const exportsAudited = await api(page, '/api/v1/audit?action=export.members')
    const exportRows = exportsAudited.body.items.filter((e) => e.action === 'export.members')
    assert.equal(exportRows.length, 1, JSON.stringify(exportsAudited.body.items))

    // 审计日志 (admin): the reveal, exactly once, on this member.
    await openMenu(page, '系统管理', '审计日志')
    await page.waitForURL(/\/system\/audit/)
    const actionItem = page.locator('.search-form .el-form-item').filter({ has: page.locator('label', { hasText: /^操作$/ }) })
    await actionItem.locator('.el-select').click()
    await actionItem.locator('input').fill('查看党员身份证号')
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: '查看党员身份证号/手机号码' }).click()
    const audited = rec.next((a) => a.url.pathname === '/api/v1/audit' && a.url.searchParams.get('action') === 'member.reveal')
    await page.getByRole('button', { name: '搜索' }).click()
    const auditAnswer = (await audited).json
    const reveals = auditAnswer.items.filter((a) => a.target === `member:${m.id}`)
    assert.equal(reveals.length, 1, JSON.stringify(auditAnswer.items))
    assert.equal(reveals[0].login, 'admin')
    assert.equal(reveals[0].action, 'member.reveal')
    assert.match(JSON.stringify(reveals[0].detail), /"revealed":"id_number"/)
    // The table shows the answer once it has re-rendered.
    let auditRows = []
    for (let k = 0; k < 50; k++) {
      auditRows = await page.locator('.el-table__body-wrapper tr.el-table__row').allInnerTexts()
      if (auditRows.length === auditAnswer.items.length) break
      await page.waitForTimeout(100)
    }
    assert.equal(auditRows.length, auditAnswer.items.length)
    assert.ok(
      auditRows.some((r) => r.includes(`member:${m.id}`) && r.includes('admin') && r.includes('查看党员身份证号/手机号码')),
      auditRows.join('\n'),
    )
    await shot(page, 'member-09-audit')

    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})

test('members: 任职 gives a post that shows in the detail and the committee; a second secretary is refused as the server words it', { timeout: 300_000 }, async () => {
  const { page, errors, close } = await openBrowser()
  try {
    adminPassword = await signIn(page, server.url, 'admin', adminPassword ?? server.password)
    const rec = await recordApi(page)
    await openMenu(page, '党员管理', '党员信息')
    await page.waitForURL(/\/members$/)
    // A member of the demo tech branch, which already has a secretary.
    const list = (await api(page, '/api/v1/members?size=50')).body
    const m = list.items.find((x) => x.party_org_name === '东湖科技有限公司党支部' && x.status === 'full')
    assert.ok(m, 'a full member of the tech branch')
    await searchMembers(page, rec, m.name)
    await page.locator('[data-test=member-table]').getByText(m.name, { exact: true }).first().click()
    const drawer = page.locator('[data-test=member-detail]')
    await drawer.locator('[data-test=member-posts]').waitFor()

    // A second secretary at once is refused, under 职务, and nothing changes.
    await drawer.locator('[data-test=member-post-new]').click()
    const dialog = page.getByRole('dialog', { name: '任职' })
    await dialog.locator('[data-test=member-post-select]').click()
    await page.getByRole('option', { name: '书记', exact: true }).click()
    const refused = rec.next((a) => a.url.pathname === `/api/v1/members/${m.id}/posts`)
    await dialog.locator('[data-test=member-post-save]').click()
    const no = await refused
    assert.equal(no.status, 409)
    await dialog.getByText(no.json.error.message).waitFor()

    // 纪检委员 is given: the row appears, and the party org's committee names the member.
    await dialog.locator('[data-test=member-post-select]').click()
    await page.getByRole('option', { name: '纪检委员', exact: true }).click()
    const saved = rec.next((a) => a.url.pathname === `/api/v1/members/${m.id}/posts`)
    await dialog.locator('[data-test=member-post-save]').click()
    const yes = await saved
    assert.equal(yes.status, 200, yes.text)
    const rows = await tableCells(page, 'member-posts')
    assert.deepEqual(rows.map((r) => r[0]), yes.json.posts.map((p) => p.post_name))
    assert.ok(rows.some((r) => r[0] === '纪检委员'))
    const committee = (await api(page, `/api/v1/party-orgs/${yes.json.party_org_id}/committee`)).body
    assert.ok(committee.items.some((p) => p.person_id === m.id && p.post === 'discipline'), JSON.stringify(committee.items))
    await shot(page, 'member-10-post')
    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})
