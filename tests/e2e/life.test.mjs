// 组织生活 through the browser, as the demo branch's secretary (shuji,
// 东湖科技有限公司党支部), whose committee meeting of this month is not held
// yet (src/app/demo_life.cpp). 落实情况 shows this month's cell as the API's
// matrix has it (red: the committee meeting is owed); the reminder above 三会一课
// names what GET /life/reminders names. 登记会议: a 支部委员会 earlier this month
// with every member of the branch pre-filled (as GET /life/expected gives
// them for the day, GET /members not asked; probationary members marked), two
// unticked as not expected (应到, offered for committee and group meetings
// only: a 支部党员大会 lists everyone) and left out of the record, one absent
// without a reason (refused in the browser, nothing sent), then 病假; a start
// later today refused by the
// server with its message under 开始时间 and nothing recorded; minutes typed
// with the editor's bold button and HTML with a <script> and an onerror
// slipped in — the server's
// answer and the detail drawer keep the text and drop both; a .exe attachment
// is refused with the server's own message, a .txt is kept. The meeting is in
// the list with 出席/应到 as the API counts it, in the calendar on its day, and
// its detail shows the absence; 修改 offers every member again, the two left
// out unticked, and sends only the field changed; the demo's
// online meeting shows its state. A 谈心谈话 by the secretary is listed as GET
// /heart-talks has it. Back on 落实情况 the cell's 已开/应开 equals GET
// /life/compliance, one more duty met, green when the committee meeting was
// all that was owed; the cell's drawer lists the duties and the meeting,
// which opens its detail; 删除 there (confirmed) makes the cell red again.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, apiOk, shanghaiMinute } from './api.mjs'
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

const BRANCH = '东湖科技有限公司党支部'

/** Each demo login's password now valid (the one-time one is changed on first sign-in). */
const passwords = new Map()
async function signInAs(page, login) {
  const password = passwords.get(login) ?? server.passwordFor(login)
  assert.ok(password, `the demo prints ${login}’s one-time password`)
  passwords.set(login, await signIn(page, server.url, login, password))
}

/** Picks an option of the open (visible) select dropdown. */
async function pickOption(page, text) {
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').filter({ hasText: text }).first().click()
}

/** Types a start time into the meeting dialog's date-time picker. */
async function setStart(dialog, value) {
  const start = dialog.locator('[data-test=meeting-starts] input')
  await start.click()
  await start.fill(value)
  await start.press('Enter')
  await dialog.locator('.el-dialog__title').click() // closes the picker's panel
}

/** The body rows of a table (by data-test), each as its cells' texts. */
async function tableRows(scope, dataTest) {
  return scope
    .locator(`[data-test=${dataTest}] .el-table__body-wrapper tr.el-table__row`)
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.replace(/\s+/g, ' ').trim())))
}

/** Waits until `locator` matches exactly `n` elements. */
async function waitCount(locator, n, what) {
  const until = Date.now() + 30_000
  let count
  while ((count = await locator.count()) !== n) {
    if (Date.now() > until) assert.fail(`${what}: ${count} instead of ${n}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Opens 落实情况 and returns the matrix answer it loaded and the branch's row in it. */
async function openCompliance(page) {
  const listed = page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === '/api/v1/life/matrix')
  await openMenu(page, '组织生活', '落实情况')
  await page.waitForURL(/\/life\/compliance/)
  const matrix = await (await listed).json()
  const row = matrix.items.find((r) => r.party_org_name === BRANCH)
  assert.ok(row, `${BRANCH} is in the matrix`)
  await page.locator(`[data-test=cell-${row.party_org_id}-1]`).waitFor()
  return { matrix, row }
}

test('三会一课: record a committee meeting with attendance, minutes and attachments; 落实情况 follows', { timeout: 300_000 }, async (t) => {
  const password = server.passwordFor('shuji')
  assert.ok(password, 'the demo prints shuji’s one-time password')
  const { page, errors, close } = await openBrowser()
  try {
    passwords.set('shuji', await signIn(page, server.url, 'shuji', password))
    const session = await apiOk(page, '/api/v1/session')
    const branchId = session.user.scope.id
    assert.equal(session.user.scope.name, BRANCH)

    const now = new Date()
    const today = shanghaiMinute(now).slice(0, 10)
    const month = Number(today.slice(5, 7))
    // Earlier this month: an hour ago, or the first of the month at 00:00 when that is in the last month.
    let startsAt = shanghaiMinute(new Date(now.getTime() - 3_600_000))
    if (startsAt.slice(0, 7) !== today.slice(0, 7)) startsAt = `${today.slice(0, 7)}-01 00:00`
    const meetingDay = startsAt.slice(0, 10)
    const monthFirst = `${today.slice(0, 7)}-01`

    // ---- 落实情况 before: this month's cell as the matrix and GET /life/compliance have it.
    const before0 = await apiOk(page, `/api/v1/life/compliance?party_org_id=${branchId}&period=month&date=${monthFirst}`)
    const committeeDuty0 = before0.duties.find((d) => d.kind === 'committee_meeting')
    assert.ok(committeeDuty0, 'the branch owes a committee meeting this month (R-LIFE-2)')
    assert.equal(committeeDuty0.met, false, 'the demo has not held this month’s committee meeting')
    const onlyCommitteeOwed = before0.duties.every((d) => d.met || d.kind === 'committee_meeting')
    {
      const { row } = await openCompliance(page)
      const cell = row.months[month - 1]
      assert.equal(cell.duties_total, before0.duties_total)
      assert.equal(cell.duties_met, before0.duties_met)
      const shown = page.locator(`[data-test=cell-${branchId}-${month}]`)
      assert.equal(await shown.getAttribute('data-state'), 'owed', 'red: something owed is not met')
      assert.equal((await shown.innerText()).trim(), `${before0.duties_met}/${before0.duties_total}`)
      // Every cell of the year as the API says.
      for (const c of row.months) {
        const el = page.locator(`[data-test=cell-${branchId}-${c.month}]`)
        const state = await el.getAttribute('data-state')
        assert.equal(c.future, c.from > today, `month ${c.month}: future is a month not begun`)
        const want = !c.owed ? 'none' : c.future ? 'pending' : c.complies ? 'ok' : 'owed'
        assert.equal(state, want, `month ${c.month}`)
      }
      await shot(page, 'life-01-compliance-before')
    }

    // ---- 三会一课: the reminder names what GET /life/reminders names.
    const reminders = await apiOk(page, `/api/v1/life/reminders?party_org_id=${branchId}`)
    const listed = page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === '/api/v1/meetings')
    await openMenu(page, '组织生活', '三会一课')
    await page.waitForURL((u) => u.pathname === '/life')
    const list0 = await (await listed).json()
    assert.ok(list0.total > 0, 'the demo branch has a year of meetings')
    const reminder = page.locator('[data-test=reminder-month]')
    await reminder.waitFor()
    const reminderText = await reminder.innerText()
    assert.ok(reminderText.startsWith('本月尚需召开：'), reminderText)
    for (const d of reminders.month.duties) assert.ok(reminderText.includes(d.kind_name), `${d.kind_name} in “${reminderText}”`)
    assert.ok(reminderText.includes('支部委员会'))
    await shot(page, 'life-02-meetings')

    // ---- 登记会议
    const members = (await apiOk(page, `/api/v1/life/expected?party_org_id=${branchId}&date=${meetingDay}`)).items
    assert.ok(members.length >= 5)
    const byName = new Map(
      (await apiOk(page, `/api/v1/members?party_org_id=${branchId}&size=200`)).items
        .filter((m) => String(m.party_org_id) === String(branchId))
        .map((m) => [m.name, m]),
    )
    let askedMembers = 0
    const countMembers = (r) => {
      if (new URL(r.url()).pathname === '/api/v1/members') askedMembers++
    }
    page.on('request', countMembers)
    const prefilled = page.waitForResponse((r) => {
      const u = new URL(r.url())
      return u.pathname === '/api/v1/life/expected' && u.searchParams.get('party_org_id') === String(branchId)
    })
    await page.locator('[data-test=meeting-new]').click()
    const dialog = page.getByRole('dialog', { name: '登记会议' })
    await dialog.waitFor()
    await dialog.locator('[data-test=meeting-kind]').click()
    await pickOption(page, '支部委员会')
    let topic = `${month}月支委会 研究年终工作 e2e-${Date.now().toString(36)}`
    await dialog.getByPlaceholder('请输入会议主题').fill(topic)
    await setStart(dialog, startsAt)
    await dialog.getByPlaceholder('如：党员活动室').fill('党员活动室')
    await dialog.getByPlaceholder('主持人姓名').fill('张书记')
    await dialog.getByPlaceholder('记录人姓名').fill('王芳')

    // The attendance: every member of the branch that day (GET /life/expected, in its order),
    // probationary members without a vote; GET /members is not asked.
    assert.equal((await prefilled).status(), 200)
    const attendanceRows = dialog.locator('[data-test=attendance-table] .el-table__body-wrapper tr.el-table__row')
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-test=attendance-table] .el-table__body-wrapper tr.el-table__row').length === n,
      members.length,
    )
    const expectedCount = async () => Number((await dialog.locator('[data-test=attendance-expected]').innerText()).trim())
    // A committee meeting: the first column is 应到, then the name.
    const names = (await tableRows(dialog, 'attendance-table')).map((cells) => cells[1])
    assert.deepEqual(
      names.map((n) => n.replace('预备党员·无表决权', '').trim()),
      members.map((m) => m.person_name),
      'the day’s members in the server’s order',
    )
    for (const m of members) {
      const line = names.find((n) => n.startsWith(m.person_name))
      assert.equal(line.includes('预备党员·无表决权'), !m.voting, `${m.person_name}: ${line}`)
      const record = byName.get(m.person_name)
      assert.ok(record, `${m.person_name} is a member of the branch`)
      assert.equal(!m.voting, !record.confirmed_on || record.confirmed_on > meetingDay, `${m.person_name}: voting as the record says`)
    }
    assert.equal(askedMembers, 0, 'the form did not ask GET /members')
    page.off('request', countMembers)

    // 应到: all ticked at first; two who are not on the committee unticked, left out of the count.
    const boxes = dialog.locator('[data-test=attendance-expected-box]')
    assert.equal(await boxes.count(), members.length)
    assert.equal(await expectedCount(), members.length)
    const leftOut = members.slice(-2).map((m) => m.person_name)
    for (const name of leftOut) await attendanceRows.filter({ hasText: name }).locator('[data-test=attendance-expected-box]').click()
    assert.equal(await expectedCount(), members.length - 2)
    // Other kinds list everyone: no 应到 column, every member counted; back to 支部委员会, the ticks are kept.
    await dialog.locator('[data-test=meeting-kind]').click()
    await pickOption(page, '支部党员大会')
    await waitCount(boxes, 0, 'a 支部党员大会 has no 应到 boxes')
    assert.equal(await expectedCount(), members.length)
    await dialog.locator('[data-test=meeting-kind]').click()
    await pickOption(page, '支部委员会')
    await boxes.first().waitFor()
    assert.equal(await expectedCount(), members.length - 2)

    const absentName = members[1].person_name
    assert.ok(!leftOut.includes(absentName))
    const absentRow = attendanceRows.filter({ hasText: absentName })
    await absentRow.locator('.el-radio').filter({ hasText: '缺席' }).click()

    // Minutes: typed, one word in bold, and HTML with a script and an event handler slipped in.
    const editor = dialog.locator('[data-test=minutes-editor]')
    await editor.click()
    await page.keyboard.type('会议研究了年终工作。')
    await dialog.locator('[data-test=minutes-bold]').click()
    await page.keyboard.type('重点')
    await editor.evaluate((el) => {
      el.insertAdjacentHTML(
        'beforeend',
        '<p>附加说明<script>window.__lxXss = 1</script><img src="x" onerror="window.__lxXss = 2"></p>',
      )
      el.dispatchEvent(new Event('input', { bubbles: true }))
    })

    // An absence without a reason is refused in the browser: nothing is sent.
    let posted = 0
    const countPosts = (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/meetings') posted++
    }
    page.on('request', countPosts)
    await dialog.locator('[data-test=meeting-save]').click()
    await dialog.getByText(`${absentName}缺席，请选择缺席原因`).waitFor()
    assert.equal(posted, 0)
    page.off('request', countPosts)
    await shot(page, 'life-03-dialog-refused')

    await absentRow.locator('[data-test=absence-reason]').click()
    await pickOption(page, '病假')

    // A start later today is refused by the server (a meeting is recorded after it began):
    // its message under 开始时间, nothing recorded, the form kept.
    const later = shanghaiMinute(new Date(Date.now() + 10 * 60_000))
    if (later.slice(0, 10) === today) {
      await setStart(dialog, later)
      const refusedPost = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/meetings')
      await dialog.locator('[data-test=meeting-save]').click()
      const refusedMeeting = await refusedPost
      assert.ok([400, 422].includes(refusedMeeting.status()), String(refusedMeeting.status()))
      const err = (await refusedMeeting.json()).error
      assert.equal(err.field, 'starts_at')
      const under = dialog.locator('[data-test=meeting-starts] .el-form-item__error')
      await under.waitFor()
      assert.equal((await under.innerText()).trim(), err.message)
      await under.scrollIntoViewIfNeeded()
      assert.equal((await apiOk(page, `/api/v1/meetings?party_org_id=${branchId}&size=1`)).total, list0.total)
      assert.equal(await dialog.getByPlaceholder('请输入会议主题').inputValue(), topic)
      await shot(page, 'life-03b-dialog-server-refused')
    } else {
      t.diagnostic('less than ten minutes to midnight: the future-start refusal is not checked')
    }
    await setStart(dialog, startsAt)

    const created = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/meetings')
    await dialog.locator('[data-test=meeting-save]').click()
    const answer = await created
    assert.equal(answer.status(), 201, await answer.text())
    const sent = JSON.parse(answer.request().postData())
    assert.equal(sent.kind, 'committee_meeting')
    assert.equal(sent.starts_at, startsAt)
    assert.equal(sent.attendance.length, members.length - 2, 'the unticked members are not sent')
    const leftOutIds = members.slice(-2).map((m) => m.person_id)
    assert.ok(sent.attendance.every((a) => !leftOutIds.includes(a.person_id)))
    const meeting = await answer.json()
    assert.equal(meeting.topic, topic)
    assert.equal(meeting.starts_local, startsAt)
    assert.equal(meeting.expected, members.length - 2)
    assert.equal(meeting.absent, 1)
    const absent = meeting.attendance.find((a) => a.status === 'absent')
    assert.equal(absent.person_name, absentName)
    assert.equal(absent.absence_reason, 'sick')
    // The server kept the text and the bold, dropped the script and the handler.
    assert.ok(meeting.minutes.includes('会议研究了年终工作。'), meeting.minutes)
    assert.ok(/<(b|strong)>重点<\/(b|strong)>/.test(meeting.minutes), meeting.minutes)
    assert.ok(meeting.minutes.includes('附加说明'), meeting.minutes)
    assert.ok(!/<script/i.test(meeting.minutes) && !/onerror/i.test(meeting.minutes), meeting.minutes)

    // The dialog stays open for attachments: a .exe is refused with the server's message, a .txt kept.
    const edit = page.getByRole('dialog', { name: '修改会议' })
    await edit.waitFor()
    const input = edit.locator('[data-test=attachment-input]')
    const refusedUpload = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes(`/api/v1/meetings/${meeting.id}/attachments`))
    await input.setInputFiles({ name: '会议程序.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00PE') })
    const refusal = await refusedUpload
    assert.equal(refusal.status() >= 400, true)
    const refusalMessage = (await refusal.json()).error.message
    const uploadError = edit.locator('[data-test=attachment-error]')
    await uploadError.waitFor()
    assert.ok((await uploadError.innerText()).includes(refusalMessage), `${await uploadError.innerText()} / ${refusalMessage}`)
    assert.equal((await tableRows(edit, 'attachment-table')).length, 0)
    const keptUpload = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes(`/api/v1/meetings/${meeting.id}/attachments`))
    await input.setInputFiles({ name: '签到表.txt', mimeType: 'text/plain', buffer: Buffer.from('签到：全体支委\n') })
    assert.equal((await keptUpload).status(), 201)
    await edit.locator('[data-test=attachment-table]').getByText('签到表.txt').first().waitFor()
    await shot(page, 'life-04-attachments')
    const stored = await apiOk(page, `/api/v1/meetings/${meeting.id}`)
    assert.deepEqual(stored.attachments.map((a) => a.filename), ['签到表.txt'])
    await edit.locator('[data-test=meeting-close]').click()
    await edit.waitFor({ state: 'hidden' })

    // ---- In the list, with 出席/应到 as the API counts it.
    const listedRow = page.locator('[data-test=meeting-table] .el-table__body-wrapper tr.el-table__row').filter({ hasText: topic })
    await listedRow.waitFor()
    const cells = (await listedRow.innerText()).replace(/\s+/g, ' ')
    assert.ok(cells.includes(startsAt), cells)
    assert.ok(cells.includes('支部委员会'), cells)
    assert.ok(cells.includes(`${stored.present + stored.late}/${stored.expected}`), cells)
    assert.ok(cells.includes('张书记'), cells)

    // ---- Its detail: the minutes without the script, the absence with its reason.
    await listedRow.getByText(topic).click()
    const drawer = page.locator('[data-test=meeting-detail]')
    const minutes = drawer.locator('[data-test=meeting-minutes]')
    await minutes.waitFor()
    assert.ok((await minutes.innerText()).includes('会议研究了年终工作。'))
    assert.equal(await minutes.locator('script').count(), 0)
    assert.equal(await minutes.locator('[onerror]').count(), 0)
    assert.equal(await page.evaluate(() => window.__lxXss), undefined)
    const detailRows = await tableRows(drawer, 'meeting-attendance')
    assert.equal(detailRows.length, stored.expected)
    const absentLine = detailRows.find((r) => r[1].startsWith(absentName))
    assert.ok(absentLine && absentLine[2] === '缺席' && absentLine[3] === '病假', JSON.stringify(absentLine))
    assert.ok(
      (await drawer.locator('[data-test=meeting-attendance-summary]').innerText()).includes(`应到 ${stored.expected} 人，出席 ${stored.present + stored.late} 人`),
    )
    await drawer.locator('[data-test=attachment-table]').getByText('签到表.txt').first().waitFor()
    await shot(page, 'life-05-detail')

    // ---- 修改 from the detail: only the field changed is sent.
    await drawer.locator('[data-test=meeting-edit]').click()
    const editDialog = page.getByRole('dialog', { name: '修改会议' })
    await editDialog.waitFor()
    const topicInput = editDialog.getByPlaceholder('请输入会议主题')
    await page.waitForFunction(() => {
      const el = [...document.querySelectorAll('input')].find((i) => i.placeholder === '请输入会议主题')
      return el && el.value !== ''
    })
    assert.equal(await topicInput.inputValue(), topic)
    // Every member of the day again: those recorded ticked, the two left out unticked.
    const editRows = editDialog.locator('[data-test=attendance-table] .el-table__body-wrapper tr.el-table__row')
    await waitCount(editRows.locator('[data-test=attendance-expected-box]'), members.length, 'the edit’s rows')
    assert.equal(stored.expected, members.length - 2)
    assert.equal(Number((await editDialog.locator('[data-test=attendance-expected]').innerText()).trim()), stored.expected)
    for (const m of members) {
      const box = editRows.filter({ hasText: m.person_name }).locator('[data-test=attendance-expected-box] input')
      assert.equal(await box.isChecked(), !leftOut.includes(m.person_name), `${m.person_name}: 应到 as recorded`)
    }
    const newTopic = topic + ' 修订'
    await topicInput.fill(newTopic)
    const patched = page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === `/api/v1/meetings/${meeting.id}`)
    await editDialog.locator('[data-test=meeting-save]').click()
    const patch = await patched
    assert.equal(patch.status(), 200)
    assert.deepEqual(JSON.parse(patch.request().postData()), { topic: newTopic })
    await editDialog.waitFor({ state: 'hidden' })
    topic = newTopic
    await page.locator('[data-test=meeting-table] .el-table__body-wrapper tr.el-table__row').filter({ hasText: topic }).waitFor()
    const edited = await apiOk(page, `/api/v1/meetings/${meeting.id}`)
    assert.equal(edited.topic, topic)
    assert.equal(edited.minutes, stored.minutes)
    assert.deepEqual(edited.attendance, stored.attendance)

    // ---- The demo's online theme day: its state as the server has it.
    const online = (await apiOk(page, `/api/v1/meetings?party_org_id=${branchId}&online=true&size=1`)).items[0]
    if (online) {
      const onlineDetail = await apiOk(page, `/api/v1/meetings/${online.id}`)
      const stateName = { upcoming: '未开始', open: '进行中', closed: '已结束' }[onlineDetail.state]
      await page.locator('[data-test=meeting-table] .el-table__body-wrapper tr.el-table__row').filter({ hasText: online.topic }).getByText(online.topic).click()
      await drawer.locator('[data-test=meeting-state]').filter({ hasText: stateName }).waitFor()
      await drawer.getByText('网上讨论').first().waitFor()
      await shot(page, 'life-05b-online')
      await page.keyboard.press('Escape')
      await drawer.waitFor({ state: 'hidden' })
    }

    // ---- The calendar: on its day, and it opens.
    await page.getByRole('tab', { name: '会议日历' }).click()
    const dayCell = page.locator(`[data-test=meeting-calendar] [data-day="${meetingDay}"]`)
    const chip = dayCell.locator('[data-test=calendar-meeting]').filter({ hasText: '支部委员会' }).filter({ hasText: startsAt.slice(11) })
    await chip.first().waitFor()
    await shot(page, 'life-06-calendar')
    await chip.first().click()
    await drawer.locator('[data-test=meeting-fields]').getByText(topic).waitFor()
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })

    // ---- 谈心谈话: a talk by the secretary with a member, as GET /heart-talks then lists it.
    const talks0 = await apiOk(page, `/api/v1/heart-talks?party_org_id=${branchId}`)
    await page.getByRole('tab', { name: '谈心谈话' }).click()
    await page.locator('[data-test=talk-new]').click()
    const talkDialog = page.getByRole('dialog', { name: '登记谈心谈话' })
    await talkDialog.waitFor()
    await talkDialog.getByRole('button', { name: '确定' }).click()
    await talkDialog.getByText('请选择谈话对象').waitFor() // checked in the browser
    await talkDialog.locator('[data-test=talk-post]').click()
    await pickOption(page, '书记 张书记')
    const talkedWith = members[members.length - 1].person_name
    await talkDialog.locator('[data-test=talk-person]').click()
    await pickOption(page, talkedWith)
    await talkDialog.getByPlaceholder('谈话要点').fill('谈工作、谈思想')
    const talkPosted = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/heart-talks')
    await talkDialog.getByRole('button', { name: '确定' }).click()
    assert.equal((await talkPosted).status(), 201)
    await talkDialog.waitFor({ state: 'hidden' })
    const talks1 = await apiOk(page, `/api/v1/heart-talks?party_org_id=${branchId}`)
    assert.equal(talks1.total, talks0.total + 1)
    const talk = talks1.items.find((x) => x.person_name === talkedWith && x.on_date === today && x.talker === '张书记')
    assert.ok(talk, JSON.stringify(talks1.items))
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-test=talk-table] .el-table__body-wrapper tr.el-table__row').length === n,
      Math.min(talks1.total, 20),
    )
    const talkRows = await tableRows(page, 'talk-table')
    assert.ok(talkRows.some((r) => r[0] === today && r[1] === '张书记' && r[2] === talkedWith && r[3] === '谈工作、谈思想'), JSON.stringify(talkRows))
    await shot(page, 'life-06b-talks')

    // ---- The reminder no longer names the committee meeting.
    const remindersAfter = await apiOk(page, `/api/v1/life/reminders?party_org_id=${branchId}`)
    assert.ok(!remindersAfter.month.duties.some((d) => d.kind === 'committee_meeting'))

    // ---- 落实情况 after: one more duty met, the cell as GET /life/compliance.
    const after1 = await apiOk(page, `/api/v1/life/compliance?party_org_id=${branchId}&period=month&date=${monthFirst}`)
    assert.equal(after1.duties_met, before0.duties_met + 1)
    assert.ok(after1.duties.find((d) => d.kind === 'committee_meeting').met)
    const { row } = await openCompliance(page)
    assert.equal(row.months[month - 1].duties_met, after1.duties_met)
    const cell = page.locator(`[data-test=cell-${branchId}-${month}]`)
    assert.equal((await cell.innerText()).trim(), `${after1.duties_met}/${after1.duties_total}`)
    assert.equal(await cell.getAttribute('data-state'), after1.complies ? 'ok' : 'owed')
    if (onlyCommitteeOwed) assert.equal(await cell.getAttribute('data-state'), 'ok', 'green: the committee meeting was all that was owed')
    await shot(page, 'life-07-compliance-after')

    // The cell's drawer: the duties and the month's meetings; the meeting opens its detail.
    await cell.click()
    const cd = page.locator('[data-test=compliance-drawer]')
    await cd.locator('[data-test=compliance-summary]').waitFor()
    const duties = await tableRows(cd, 'compliance-duties')
    assert.equal(duties.length, after1.duties.length)
    for (const d of after1.duties) {
      const line = duties.find((r) => r[0] === d.rule && r[1].startsWith(d.kind_name))
      assert.ok(line, `${d.rule} ${d.kind_name}`)
      assert.equal(line[4], String(d.required))
      assert.equal(line[5], String(d.held))
      assert.equal(line[6], d.met ? '已落实' : '未落实')
    }
    const monthMeetings = await apiOk(page, `/api/v1/meetings?party_org_id=${branchId}&from=${monthFirst}&to=${after1.period.to}&size=200`)
    assert.equal((await tableRows(cd, 'compliance-meetings')).length, monthMeetings.items.length)
    await shot(page, 'life-08-compliance-drawer')
    await cd.locator('[data-test=compliance-meetings]').getByText(topic).click()
    await drawer.locator('[data-test=meeting-fields]').getByText(topic).waitFor()
    await drawer.locator('[data-test=meeting-minutes]').waitFor()
    await shot(page, 'life-09-compliance-meeting')

    // ---- 删除 from there, confirmed: the duty is owed again and the cell says so.
    await drawer.locator('[data-test=meeting-delete]').click()
    const deleted = page.waitForResponse((r) => r.request().method() === 'DELETE' && new URL(r.url()).pathname === `/api/v1/meetings/${meeting.id}`)
    await page.locator('.el-message-box').getByRole('button', { name: '删除' }).click()
    assert.equal((await deleted).status(), 200)
    await drawer.waitFor({ state: 'hidden' })
    const after2 = await apiOk(page, `/api/v1/life/compliance?party_org_id=${branchId}&period=month&date=${monthFirst}`)
    assert.equal(after2.duties_met, before0.duties_met)
    await page.waitForFunction(
      ([sel, want]) => document.querySelector(sel)?.textContent.trim() === want,
      [`[data-test=cell-${branchId}-${month}]`, `${after2.duties_met}/${after2.duties_total}`],
    )
    assert.equal(await cell.getAttribute('data-state'), 'owed')
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-test=compliance-meetings] .el-table__body-wrapper tr.el-table__row').length === n,
      monthMeetings.items.length - 1,
    )
    assert.equal(await page.evaluate(async (p) => (await fetch(p)).status, `/api/v1/meetings/${meeting.id}`), 404)
    await shot(page, 'life-10-deleted')

    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})

test('修改 a closed online meeting starts from its stored minutes, not the discussion appended to them', { timeout: 180_000 }, async () => {
  // shuji holds an online theme day open now; the member dangyuan takes part; shuji then ends it.
  const shuji = await openBrowser()
  const member = await openBrowser()
  try {
    const { page, errors } = shuji
    await signInAs(page, 'shuji')
    const branchId = (await apiOk(page, '/api/v1/session')).user.scope.id
    const topic = `网上主题党日 e2e-${Date.now().toString(36)}`
    const recorded = '<p>请围绕本月学习内容发言。</p>'
    const made = await api(page, '/api/v1/meetings', {
      method: 'POST',
      body: {
        kind: 'theme_day',
        party_org_id: branchId,
        topic,
        online: true,
        starts_at: shanghaiMinute(new Date(Date.now() - 10 * 60_000)),
        ends_at: shanghaiMinute(new Date(Date.now() + 60 * 60_000)),
        minutes: recorded,
      },
    })
    assert.equal(made.status, 201, JSON.stringify(made.body))
    const id = made.body.id

    await signInAs(member.page, 'dangyuan')
    const said = '学习了，深受启发。'
    const posted = await api(member.page, `/api/v1/meetings/${id}/messages`, { method: 'POST', body: { body: said } })
    assert.equal(posted.status, 201, JSON.stringify(posted.body))
    const ended = await api(page, `/api/v1/meetings/${id}`, { method: 'PATCH', body: { ends_at: shanghaiMinute(new Date()) } })
    assert.equal(ended.status, 200, JSON.stringify(ended.body))
    const closed = await apiOk(page, `/api/v1/meetings/${id}`)
    assert.equal(closed.state, 'closed')
    assert.ok(closed.minutes.includes('网上讨论记录') && closed.minutes.includes(said), 'the discussion is appended to the minutes')
    assert.ok(!closed.stored_minutes.includes('网上讨论记录') && closed.stored_minutes.includes('请围绕本月学习内容发言'))

    // 修改 from the list: the editor holds the stored minutes only; a new topic is all that is sent.
    await openMenu(page, '组织生活', '三会一课')
    await page.waitForURL((u) => u.pathname === '/life')
    const row = page.locator('[data-test=meeting-table] .el-table__body-wrapper tr.el-table__row').filter({ hasText: topic })
    await row.getByRole('button', { name: '修改' }).click()
    const dialog = page.getByRole('dialog', { name: '修改会议' })
    await dialog.waitFor()
    const editor = dialog.locator('[data-test=minutes-editor]')
    await editor.getByText('请围绕本月学习内容发言。').waitFor()
    const inEditor = await editor.innerText()
    assert.ok(!inEditor.includes('网上讨论记录') && !inEditor.includes(said), `the editor: ${inEditor}`)
    await shot(page, 'life-11-online-edit')
    await dialog.getByPlaceholder('请输入会议主题').fill(topic + ' 修订')
    const patched = page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === `/api/v1/meetings/${id}`)
    await dialog.locator('[data-test=meeting-save]').click()
    const patch = await patched
    assert.equal(patch.status(), 200, await patch.text())
    assert.deepEqual(JSON.parse(patch.request().postData()), { topic: topic + ' 修订' })
    await dialog.waitFor({ state: 'hidden' })
    const after = await apiOk(page, `/api/v1/meetings/${id}`)
    assert.equal(after.stored_minutes, closed.stored_minutes, 'the stored minutes unchanged')
    assert.equal(after.minutes.split('网上讨论记录').length, 2, 'the discussion appended once, not stored into the minutes')
    assert.deepEqual(errors, [])
    assert.deepEqual(member.errors, [])
  } finally {
    await member.close()
    await shuji.close()
  }
})
