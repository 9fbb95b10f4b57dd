// 我的组织生活 on a phone (390×844, touch): the demo member `dangyuan` signs in
// and lands on his own page (首页 is 我的组织生活 for a member); 今日报到 turns
// into 今日已报到 and GET /api/v1/check-ins/me agrees (today, the month's
// count), still once after a reload; the online meeting open now opens its
// discussion, reloaded every 15 s (a dropped network: a quiet inline note, no
// error message, gone once a reload succeeds); a message with markup is shown
// literally as text (no <b>, the script never runs) and is in GET
// /api/v1/meetings/{id}; closed meanwhile by the admin, a further post is
// refused in the server's words and the minutes then hold the discussion;
// 我的会议 shows my attendance and opens a read-only detail; nothing scrolls
// sideways and the controls are touch-sized. An account with no member
// linked (the instructor) gets the Chinese notice.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, shanghaiMinute } from './api.mjs'
import { startServer } from './server.mjs'
import { openBrowser, shot } from './browser.mjs'
import { signIn } from './session.mjs'

const PHONE = { width: 390, height: 844 }
const MIN_TOUCH = 44

let server

before(async () => {
  server = await startServer()
})

after(async () => {
  await admin?.close()
  await server?.stop()
})

/** Chromium as a phone: a phone viewport, touch and mobile metrics. */
const openPhone = () => openBrowser({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 3 })

/** Nothing wider than the phone: the document, the layout's scrolling main, every visible element. */
async function assertNoSidewaysScroll(page, where) {
  const m = await page.evaluate(() => {
    const main = document.querySelector('main.el-main')
    const wide = []
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      const style = getComputedStyle(el)
      if (style.visibility === 'hidden' || style.position === 'fixed' && r.right <= 0) continue
      if (r.right > window.innerWidth + 0.5 || r.left < -0.5) {
        // Inside a drawer that is closed (off screen) or a hidden popper: not on the page.
        if (el.closest('.el-popper, .el-overlay[style*="display: none"]')) continue
        wide.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${Math.round(r.left)}..${Math.round(r.right)}`)
      }
    }
    return {
      innerWidth: window.innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
      mainScroll: main ? main.scrollWidth : 0,
      mainClient: main ? main.clientWidth : 0,
      wide: wide.slice(0, 10),
    }
  })
  assert.equal(m.innerWidth, PHONE.width, `${where}: the layout viewport stays ${PHONE.width}px (no zoom-out to fit)`)
  assert.ok(m.scrollWidth <= m.innerWidth, `${where}: document scrolls sideways (${m.scrollWidth} > ${m.innerWidth})`)
  assert.ok(m.mainScroll <= m.mainClient, `${where}: main scrolls sideways (${m.mainScroll} > ${m.mainClient})`)
  assert.deepEqual(m.wide, [], `${where}: elements past the screen's edge`)
}

async function assertTouchSized(locator, what) {
  const box = await locator.boundingBox()
  assert.ok(box, `${what} is on screen`)
  assert.ok(box.height >= MIN_TOUCH, `${what} is ${box.height}px high (< ${MIN_TOUCH})`)
  assert.ok(box.width >= MIN_TOUCH, `${what} is ${box.width}px wide (< ${MIN_TOUCH})`)
}

/** Now in Beijing as the API takes a meeting's time: "2026-12-04 14:30". */

/** The admin ends an online meeting now (PATCH ends_at), in a browser of his own. */
async function closeMeeting(id) {
  if (!admin) {
    admin = await openBrowser()
    await signIn(admin.page, server.url, 'admin', server.password)
  }
  return api(admin.page, `/api/v1/meetings/${id}`, { method: 'PATCH', body: { ends_at: shanghaiMinute() } })
}
let admin = null

test('a member checks in and joins the online meeting on a phone', { timeout: 300_000 }, async () => {
  const password = server.passwordFor('dangyuan')
  assert.ok(password, 'the demo prints dangyuan’s one-time password')
  const { page, errors, close } = await openPhone()
  try {
    await signIn(page, server.url, 'dangyuan', password)

    // 首页 is 我的组织生活 for a member.
    const button = page.locator('[data-test=check-in-button]')
    await button.waitFor()
    const life = await api(page, '/api/v1/me/life')
    assert.equal(life.status, 200)
    await page.locator('[data-test=my-party-org]').getByText(life.body.party_org_name).waitFor()
    assert.equal(life.body.party_org_name, '东湖科技有限公司党支部')
    await shot(page, 'my-life-01-home')
    await assertNoSidewaysScroll(page, '首页')

    // 今日报到.
    const before = life.body.check_ins
    assert.equal(before.checked_in_today, false, 'the demo member has not checked in today')
    assert.equal((await button.innerText()).trim(), '今日报到')
    assert.equal(
      (await page.locator('[data-test=check-in-month]').innerText()).trim(),
      `本月已报到 ${before.month_count} 次（要求至少 ${before.minimum} 次）`,
    )
    await assertTouchSized(button, '今日报到')
    await button.tap()
    await page.locator('[data-test=check-in-button]', { hasText: '今日已报到' }).waitFor()
    assert.ok(await button.isDisabled(), '今日已报到 is disabled')
    const after1 = await api(page, '/api/v1/check-ins/me')
    assert.equal(after1.status, 200)
    assert.equal(after1.body.checked_in_today, true)
    assert.equal(after1.body.month_count, before.month_count + 1)
    assert.ok(after1.body.month_days.includes(after1.body.today))
    assert.equal(
      (await page.locator('[data-test=check-in-month]').innerText()).trim(),
      `本月已报到 ${after1.body.month_count} 次（要求至少 ${after1.body.minimum} 次）`,
    )
    await shot(page, 'my-life-02-checked-in')

    // Reloaded: still checked in, once; a second POST records nothing.
    await page.reload()
    await page.locator('[data-test=check-in-button]', { hasText: '今日已报到' }).waitFor()
    assert.ok(await button.isDisabled())
    const again = await api(page, '/api/v1/check-ins', { method: 'POST', body: {} })
    assert.equal(again.status, 200)
    assert.equal(again.body.recorded_now, false)
    const after2 = await api(page, '/api/v1/check-ins/me')
    assert.equal(after2.body.month_count, before.month_count + 1, 'checked in once today')
    assert.equal(after2.body.month_days.filter((d) => d === after2.body.today).length, 1)
    assert.equal(
      (await page.locator('[data-test=check-in-month]').innerText()).trim(),
      `本月已报到 ${before.month_count + 1} 次（要求至少 ${before.minimum} 次）`,
    )

    // 正在进行的网上组织生活 → its discussion.
    const open = life.body.open_online_meetings
    assert.ok(open.length >= 1, 'the demo has an online meeting open now')
    const meeting = open[0]
    const row = page.locator('[data-test=open-online-meeting]', { hasText: meeting.topic })
    await assertTouchSized(row, 'the open online meeting')
    await row.tap()
    const drawer = page.locator('[data-test=my-meeting]')
    await drawer.locator('[data-test=my-meeting-topic]', { hasText: meeting.topic }).waitFor()
    assert.equal(
      (await drawer.locator('[data-test=my-meeting-time]').innerText()).trim(),
      `${meeting.starts_local} 至 ${meeting.ends_local}`,
    )
    await drawer.locator('[data-test=my-meeting-minutes]').getByText('请各位党员在讨论区发言').waitFor()
    await shot(page, 'my-life-03-discussion')
    await assertNoSidewaysScroll(page, '讨论')

    // While open, the discussion reloads by itself every 15 seconds.
    const opened = Date.now()
    await page.waitForRequest(
      (r) => r.url().endsWith(`/api/v1/meetings/${meeting.id}`) && r.method() === 'GET',
      { timeout: 25_000 },
    )
    const waited = Date.now() - opened
    assert.ok(waited >= 10_000 && waited <= 20_000, `reloaded after ${waited} ms`)

    // The network drops: the next reload fails quietly — no message pops up, a note says so —
    // and once it is back the following reload clears the note.
    const detailUrl = (u) => new URL(u).pathname === `/api/v1/meetings/${meeting.id}`
    await page.route(detailUrl, (route) => route.abort('internetdisconnected'))
    await page.waitForEvent('requestfailed', { predicate: (r) => detailUrl(r.url()), timeout: 25_000 })
    const note = drawer.locator('[data-test=my-meeting-refresh-note]')
    await note.waitFor()
    assert.match(await note.innerText(), /刷新失败.*15 秒后自动重试/)
    assert.equal(await page.locator('.el-message--error').count(), 0, 'no error message pops up while polling')
    await shot(page, 'my-life-03b-offline')
    await page.unroute(detailUrl)
    const restored = await page.waitForResponse((r) => detailUrl(r.url()) && r.request().method() === 'GET', { timeout: 25_000 })
    assert.equal(restored.status(), 200)
    await note.waitFor({ state: 'hidden' })

    // 发言 with markup: shown literally, never as HTML.
    const text = `学习体会 ${Date.now().toString(36)}：<b>粗体</b><script>window.__x=1</script>`
    const input = drawer.locator('textarea[data-test=message-input]')
    await assertTouchSized(input, 'the message box')
    await input.fill(text)
    const send = drawer.locator('[data-test=message-send]')
    await assertTouchSized(send, '发言')
    const posted = page.waitForResponse(
      (r) => r.url().endsWith(`/api/v1/meetings/${meeting.id}/messages`) && r.request().method() === 'POST',
    )
    await send.tap()
    assert.equal((await posted).status(), 201)
    const shown = drawer.locator('[data-test=message-body]', { hasText: text })
    await shown.waitFor()
    assert.equal(await shown.innerText(), text, 'the message body is its text')
    assert.equal(await drawer.locator('[data-test=messages] b').count(), 0, 'no <b> element in the discussion')
    assert.equal(await drawer.locator('[data-test=messages] script').count(), 0, 'no <script> element')
    assert.equal(await page.evaluate(() => typeof window.__x), 'undefined', 'the script never ran')
    assert.equal(await input.inputValue(), '', 'the box is emptied after posting')
    const detail = await api(page, `/api/v1/meetings/${meeting.id}`)
    assert.equal(detail.status, 200)
    const mine = detail.body.discussion.filter((m) => m.body === text)
    assert.equal(mine.length, 1, 'the message is in the discussion once')
    assert.equal(mine[0].person_id, life.body.person_id)
    await drawer.locator('[data-test=message]', { hasText: text }).getByText(mine[0].person_name).waitFor()
    await drawer.locator('[data-test=my-meeting-attendance]', { hasText: '出席' }).waitFor()
    await shot(page, 'my-life-04-posted')
    await assertNoSidewaysScroll(page, '发言后')

    // A blank box sends nothing.
    await input.fill('   ')
    assert.ok(await send.isDisabled(), '发言 is off for a blank box')

    // The admin closes the meeting while the member writes: the
    // server's refusal in its words, then the closed meeting whose minutes
    // hold the discussion (as text: its markup escaped).
    const late = '会后补充一句'
    await input.fill(late)
    const closed = await closeMeeting(meeting.id)
    assert.equal(closed.status, 200, JSON.stringify(closed.body))
    assert.equal(closed.body.state, 'closed')
    const refused = page.waitForResponse(
      (r) => r.url().endsWith(`/api/v1/meetings/${meeting.id}/messages`) && r.request().method() === 'POST',
    )
    await send.tap()
    const refusedRes = await refused
    assert.equal(refusedRes.status(), 409)
    const refusal = (await refusedRes.json()).error
    assert.equal(refusal.code, 'closed')
    // The drawer reloads the meeting: closed, no box, the refusal and the unsent text kept.
    const kept = drawer.locator('[data-test=my-meeting-refusal]')
    await kept.getByText(`发言未成功：${refusal.message}`).waitFor()
    await kept.getByText(late).waitFor()
    await shot(page, 'my-life-05-refused-closed')
    assert.equal(await drawer.locator('[data-test=message-input]').count(), 0, 'no box once closed')
    const minutes = drawer.locator('[data-test=my-meeting-minutes]')
    await minutes.getByText('网上讨论记录').waitFor()
    assert.ok((await minutes.innerText()).includes(text), 'the closed meeting’s minutes hold the message as text')
    assert.equal(await minutes.locator('script').count(), 0)
    assert.equal(await page.evaluate(() => typeof window.__x), 'undefined', 'the script never ran')
    assert.ok(!(await minutes.innerText()).includes(late), 'the refused message is not in the minutes')
    await assertNoSidewaysScroll(page, '已结束')

    // Back: 我的会议 shows my attendance of the online meeting (taking part is attending).
    const back = drawer.locator('[data-test=my-meeting-back]')
    await assertTouchSized(back, '返回')
    await back.tap()
    await drawer.waitFor({ state: 'hidden' })
    const myRow = page.locator('[data-test=my-meeting-row]', { hasText: meeting.topic })
    await myRow.locator('[data-test=my-attendance]', { hasText: '出席' }).waitFor()

    // 我的会议: the attendance of each as the API says, and a read-only detail.
    const again2 = (await api(page, '/api/v1/me/life')).body
    const rows = page.locator('[data-test=my-meeting-row]')
    assert.equal(await rows.count(), again2.meetings.length)
    const held = again2.meetings.find((m) => !m.online)
    assert.ok(held, 'the demo has held meetings')
    const heldRow = rows.nth(again2.meetings.indexOf(held))
    assert.equal(
      (await heldRow.locator('[data-test=my-attendance]').innerText()).trim(),
      held.my_attendance ? held.my_attendance.status_name : '未登记',
    )
    await assertTouchSized(heldRow, 'a meeting of 我的会议')
    await heldRow.scrollIntoViewIfNeeded()
    await heldRow.tap()
    await drawer.locator('[data-test=my-meeting-topic]', { hasText: held.topic }).waitFor()
    await drawer.locator('[data-test=my-meeting-minutes]').waitFor()
    assert.equal(await drawer.locator('[data-test=message-input]').count(), 0, 'a held meeting is read-only')
    await shot(page, 'my-life-07-meeting')
    await assertNoSidewaysScroll(page, '会议详情')
    await drawer.locator('[data-test=my-meeting-back]').tap()
    await drawer.waitFor({ state: 'hidden' })

    // The menu's 我的组织生活 is the same page (its address, as a member would bookmark it).
    await page.goto(server.url + '/me/life')
    await page.locator('[data-test=check-in-button]', { hasText: '今日已报到' }).waitFor()
    await assertNoSidewaysScroll(page, '/me/life')
    await page.locator('[data-test=current-user]').getByText('陈党员').waitFor()
    await assertTouchSized(page.getByRole('button', { name: '退出登录' }), '退出登录')
    await shot(page, 'my-life-08-me-life')

    // The same page inside the desktop frame (menu and top bar back).
    await page.setViewportSize({ width: 1366, height: 800 })
    await page.locator('aside .el-menu').getByText('我的组织生活', { exact: true }).waitFor()
    await shot(page, 'my-life-10-desktop')

    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})

test('an account with no member linked sees the notice', { timeout: 180_000 }, async () => {
  const password = server.passwordFor('zhidaoyuan')
  assert.ok(password, 'the demo prints zhidaoyuan’s one-time password')
  const { page, errors, close } = await openPhone()
  try {
    await signIn(page, server.url, 'zhidaoyuan', password)
    const res = await api(page, '/api/v1/me/life')
    assert.equal(res.status, 403)
    assert.equal(res.body.error.code, 'not_member_account')
    await page.goto(server.url + '/me/life')
    await page.locator('[data-test=not-member]').getByText('您的账号尚未关联党员信息，请联系党组织书记或管理员').waitFor()
    assert.equal(await page.locator('[data-test=check-in-button]').count(), 0)
    await shot(page, 'my-life-09-not-member')
    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})
