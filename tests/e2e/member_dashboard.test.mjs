// 数据看板 · 党员队伍 through the browser, on the demo district: the member
// cards show exactly what GET /api/v1/stats/members says (shares as "27.27%"
// and "9/33"); a card, a bar of the education chart, a flow of the year and a
// recruitment stage each open the members behind them, as many as the figure,
// paged by the shared pager, ID numbers masked; 截至日期 at the end of last
// year shows the API's figures for that day; an instructor (stats.read but
// neither member.read nor recruit.read) gets a dashboard that works.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, num, pct, share, todayShanghai } from './api.mjs'
import { startServer } from './server.mjs'
import { openBrowser, shot } from './browser.mjs'
import { signIn } from './session.mjs'

let server

before(async () => {
  server = await startServer()
})

after(async () => {
  await server?.stop()
})

const lastDayOfYearBefore = (date) => `${Number(date.slice(0, 4)) - 1}-12-31`

/** Waits until the member section shows the figures of `date` (one's own scope). */
async function waitMembers(page, date) {
  await page.locator(`[data-test=member-section][data-shown="${date}|"][data-state=ok]`).waitFor()
}

const card = (page, key) => page.locator(`[data-test=member-kpi-${key}]`)
const cardValue = async (page, key) => (await card(page, key).locator('[data-test=kpi-value]').innerText()).trim()
const cardSub = async (page, key) => (await card(page, key).locator('[data-test=kpi-sub]').innerText()).trim()

/** Each member card against GET /stats/members. */
async function checkCards(page, s) {
  assert.equal(await cardValue(page, 'members'), num(s.members), '党员总数')
  assert.equal(await cardSub(page, 'members'), `正式 ${num(s.status.full)} · 预备 ${num(s.status.probationary)}`)
  assert.equal(s.status.full + s.status.probationary, s.members, 'full and probationary make all members')
  assert.equal(await cardValue(page, 'full'), num(s.status.full), '正式党员')
  assert.equal(await cardValue(page, 'probationary'), num(s.status.probationary), '预备党员')
  for (const key of ['age_le35', 'bachelor_or_above', 'college_or_above']) {
    const r = s.shares[key]
    assert.equal(await cardValue(page, key), pct(r), key)
    assert.equal(await cardSub(page, key), `${num(r.numerator)}/${num(r.denominator)}`, `${key} 的分子/分母`)
    assert.equal(r.denominator, s.members)
  }
  // The server gives counts, not shares, of women and minorities: the card is the share of those counts.
  assert.equal(await cardValue(page, 'female'), share(s.gender.female, s.members), '女性占比')
  assert.equal(await cardSub(page, 'female'), `${num(s.gender.female)}/${num(s.members)}`)
  assert.equal(await cardValue(page, 'minority'), share(s.ethnicity.minority, s.members), '少数民族占比')
  assert.equal(await cardSub(page, 'minority'), `${num(s.ethnicity.minority)}/${num(s.members)}`)
}

/** Each flow tile against GET /stats/member-flows. */
async function checkFlows(page, f) {
  for (const key of ['transferred_in', 'transferred_out', 'admitted', 'confirmed', 'deceased', 'left']) {
    const text = await page.locator(`[data-test=member-flow-${key}] [data-test=tile-value]`).innerText()
    assert.equal(text.trim(), num(f[key]), `flow ${key}`)
  }
}

/**
 * Clicks `target`, waits for the member-records (or recruitment records) answer
 * whose URL matches `match`, and checks the drawer: its total equals
 * `expected`, the first page is shown, no ID number in plain.
 * Returns the answer and the drawer.
 */
async function openRecords(page, target, match, expected, what) {
  const answered = page.waitForResponse((r) => /\/api\/v1\/stats\/(member-records|recruitment\/records)\?/.test(r.url()) && match(new URL(r.url())))
  await target()
  const res = await answered
  assert.equal(res.status(), 200, `${what}: the records answer`)
  const body = await res.json()
  assert.equal(body.total, expected, `${what}: records total = the figure`)
  const drawer = page.locator('[data-test=records-drawer]')
  await drawer.locator('[data-test=records-total][data-loaded=true]').waitFor()
  assert.equal((await drawer.locator('[data-test=records-total]').innerText()).trim(), String(expected), `${what}: the total shown`)
  const rows = drawer.locator('[data-test=records-table] .el-table__body-wrapper tr.el-table__row')
  assert.equal(await rows.count(), Math.min(expected, 20), `${what}: the first page`)
  const text = await drawer.innerText()
  assert.doesNotMatch(text, /\b\d{17}[\dXx]\b/, `${what}: no plain ID number in the drawer`)
  for (const id of await drawer.locator('td.col-id .cell').allInnerTexts()) assert.match(id.trim(), /^\d{6}\*{8}\d{3}[\dX]$/, 'masked ID number')
  return { body, drawer, rows }
}

async function closeDrawer(page) {
  const drawer = page.locator('[data-test=records-drawer]')
  await page.keyboard.press('Escape')
  await drawer.waitFor({ state: 'hidden' })
}

/** Band charts' grid in pixels (MemberFigures.ts bandGrid): the centre bottom of category k of n. */
async function barPoint(page, chart, k, n) {
  const box = await page.locator(`[data-test=${chart}]`).boundingBox()
  const grid = { left: 44, right: 16, top: 28, bottom: 40 }
  const w = box.width - grid.left - grid.right
  return { x: box.x + grid.left + (w * (k + 0.5)) / n, y: box.y + box.height - grid.bottom - 3 }
}

test('党员队伍: cards equal the API, a card, a bar, a flow and a stage open exactly their members, 截至日期', { timeout: 420_000 }, async () => {
  const { page, errors, close } = await openBrowser()
  try {
    await signIn(page, server.url, 'admin', server.password)
    const today = todayShanghai()
    const from = lastDayOfYearBefore(today)

    // The cards: the same numbers as GET /stats/members.
    await waitMembers(page, today)
    const now = await api(page, `/api/v1/stats/members?date=${today}`)
    assert.equal(now.status, 200)
    assert.ok(now.body.members > 20, 'the demo district has members')
    await checkCards(page, now.body)

    const flows = await api(page, `/api/v1/stats/member-flows?from=${from}&to=${today}`)
    assert.equal(flows.status, 200)
    await checkFlows(page, flows.body)
    const pipeline = await api(page, `/api/v1/stats/recruitment?date=${today}`)
    assert.equal(pipeline.status, 200)
    for (const stage of ['applicant', 'activist', 'candidate', 'probationary']) {
      const text = await page.locator(`[data-test=member-stage-${stage}] [data-test=tile-value]`).innerText()
      assert.equal(text.trim(), num(pipeline.body[stage]), `stage ${stage}`)
    }

    // The three band charts draw.
    for (const chart of ['chart-member-age', 'chart-member-education', 'chart-member-tenure']) {
      await page.locator(`[data-test=${chart}][data-rendered=true]`).waitFor()
      const box = await page.locator(`[data-test=${chart}]`).boundingBox()
      assert.ok(box && box.width > 100 && box.height > 100, `${chart} has a size`)
    }
    await page.locator('[data-test=member-section]').scrollIntoViewIfNeeded()
    await shot(page, 'member-dashboard-01-section')

    // 35岁及以下占比 → its numerator's members, each 35 or younger on the day.
    const young = await openRecords(
      page,
      () => card(page, 'age_le35').click(),
      (u) => u.searchParams.get('figure') === 'age_le35' && u.searchParams.get('date') === today,
      now.body.shares.age_le35.numerator,
      '35岁及以下',
    )
    const ages = (await young.drawer.locator('td.col-age .cell').allInnerTexts()).map((a) => Number(a.trim()))
    assert.ok(ages.length > 0 && ages.every((a) => a <= 35), `ages ${ages} are all 35 or under`)
    await shot(page, 'member-dashboard-02-young')
    await closeDrawer(page)

    // 党员总数 → all members; the shared pager's next page holds the rest.
    const all = await openRecords(page, () => card(page, 'members').click(), (u) => u.searchParams.get('figure') === 'members', now.body.members, '党员总数')
    if (now.body.members > 20) {
      const second = page.waitForResponse((r) => r.url().includes('/api/v1/stats/member-records?') && r.url().includes('page=2'))
      await all.drawer.locator('.table-pager .btn-next').click()
      const body = await (await second).json()
      assert.equal(body.total, now.body.members)
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-test=records-drawer] [data-test=records-table] .el-table__body-wrapper tr.el-table__row').length === n,
        Math.min(now.body.members - 20, 20),
      )
      const firstIndex = await all.drawer.locator('[data-test=records-table] .el-table__body-wrapper tr.el-table__row td').first().innerText()
      assert.equal(firstIndex.trim(), '21', 'page 2 numbers its rows on from 21')
    }
    await closeDrawer(page)

    // A bar: the largest education band → its members, all of that education.
    const eduKeys = ['postgraduate', 'bachelor', 'college', 'secondary', 'junior', 'unknown']
    const eduLabels = ['研究生', '大学本科', '大专', '中专/高中', '初中及以下', '未填写']
    const k = eduKeys.reduce((best, key, i) => (now.body.education[key] > now.body.education[eduKeys[best]] ? i : best), 0)
    assert.ok(now.body.education[eduKeys[k]] > 0)
    const pt = await barPoint(page, 'chart-member-education', k, eduKeys.length)
    const edu = await openRecords(
      page,
      () => page.mouse.click(pt.x, pt.y),
      (u) => u.searchParams.get('figure') === `edu_${eduKeys[k]}`,
      now.body.education[eduKeys[k]],
      `学历 ${eduLabels[k]}`,
    )
    const shownEdu = (await edu.drawer.locator('td.col-education .cell').allInnerTexts()).map((t) => t.trim())
    assert.ok(shownEdu.length > 0 && shownEdu.every((t) => t === eduLabels[k]), `every row is ${eduLabels[k]}: ${shownEdu}`)
    await shot(page, 'member-dashboard-03-education-bar')
    await closeDrawer(page)

    // A flow: 新发展 in the year up to today → the members admitted in (from, today].
    assert.ok(flows.body.admitted > 0, 'the demo admitted members this year')
    await openRecords(
      page,
      () => page.locator('[data-test=member-flow-admitted]').click(),
      (u) => u.searchParams.get('figure') === 'admitted' && u.searchParams.get('from') === from && u.searchParams.get('date') === today,
      flows.body.admitted,
      '新发展',
    )
    await closeDrawer(page)
    // 转入 (with the unit it came from).
    if (flows.body.transferred_in > 0) {
      const moved = await openRecords(
        page,
        () => page.locator('[data-test=member-flow-transferred_in]').click(),
        (u) => u.searchParams.get('figure') === 'transferred_in' && u.searchParams.get('from') === from,
        flows.body.transferred_in,
        '转入',
      )
      await shot(page, 'member-dashboard-04-transferred-in')
      assert.match(await moved.drawer.innerText(), /转出单位/)
      await closeDrawer(page)
    }

    // A recruitment stage with people in it → as many records.
    const stage = ['applicant', 'activist', 'candidate', 'probationary'].find((s) => pipeline.body[s] > 0)
    assert.ok(stage, 'the demo has people in the recruitment pipeline')
    const staged = await openRecords(
      page,
      () => page.locator(`[data-test=member-stage-${stage}]`).click(),
      (u) => u.searchParams.get('stage') === stage,
      pipeline.body[stage],
      `发展党员 ${stage}`,
    )
    const stageNames = { applicant: '入党申请人', activist: '入党积极分子', candidate: '发展对象', probationary: '预备党员' }
    for (const t of await staged.drawer.locator('td.col-stage .cell').allInnerTexts()) assert.equal(t.trim(), stageNames[stage])
    await closeDrawer(page)
    // Overdue next steps (R-REC-8), given for today only.
    assert.notEqual(pipeline.body.overdue, null, 'overdue is given for today')
    await openRecords(
      page,
      () => page.locator('[data-test=member-stage-overdue]').click(),
      (u) => u.searchParams.get('stage') === 'overdue' && u.searchParams.get('date') === today,
      pipeline.body.overdue,
      '下一步逾期',
    )
    await closeDrawer(page)

    // 截至日期 → the end of last year: the cards and flows say what the API says for that day.
    const lastYearEnd = lastDayOfYearBefore(today)
    const asked = page.waitForResponse((r) => r.url().includes(`/api/v1/stats/members?date=${lastYearEnd}`))
    const input = page.locator('[data-test=stats-date] input')
    await input.click()
    await input.fill(lastYearEnd)
    await input.press('Enter')
    await asked
    await waitMembers(page, lastYearEnd)
    const then = await api(page, `/api/v1/stats/members?date=${lastYearEnd}`)
    assert.equal(then.status, 200)
    assert.equal(then.body.date, lastYearEnd)
    assert.notDeepEqual(then.body.figures, now.body.figures, 'the demo’s figures differ between the two days')
    await checkCards(page, then.body)
    const thenFlows = await api(page, `/api/v1/stats/member-flows?from=${lastDayOfYearBefore(lastYearEnd)}&to=${lastYearEnd}`)
    assert.equal(thenFlows.status, 200)
    await checkFlows(page, thenFlows.body)
    // Overdue next steps are not known for a past day: no such tile then.
    const thenPipeline = await api(page, `/api/v1/stats/recruitment?date=${lastYearEnd}`)
    assert.equal(thenPipeline.body.overdue, null)
    for (const stage of ['applicant', 'activist', 'candidate', 'probationary']) {
      const text = await page.locator(`[data-test=member-stage-${stage}] [data-test=tile-value]`).innerText()
      assert.equal(text.trim(), num(thenPipeline.body[stage]), `stage ${stage} at the end of last year`)
    }
    assert.equal(await page.locator('[data-test=member-stage-overdue]').count(), 0)
    await page.locator('[data-test=chart-member-age][data-rendered=true]').waitFor()
    await shot(page, 'member-dashboard-05-last-year')
    // …and a card then opens that day's members.
    await openRecords(
      page,
      () => card(page, 'probationary').click(),
      (u) => u.searchParams.get('figure') === 'probationary' && u.searchParams.get('date') === lastYearEnd,
      then.body.status.probationary,
      '去年底的预备党员',
    )
    await closeDrawer(page)

    // 数据范围 → a branch: its own members' figures, and a card opens that branch's members.
    await page.locator('.dashboard .bar .scope').click()
    await page.locator('.dashboard .bar .scope input').fill('东湖科技有限公司党支部') // filterable: the branch's ancestors open
    await page.locator('.el-popper:visible .el-tree-node__content').getByText('东湖科技有限公司党支部', { exact: true }).click()
    const branchSection = page.locator(`[data-test=member-section][data-shown^="${lastYearEnd}|party_org:"][data-state=ok]`)
    await branchSection.waitFor()
    const scopeKey = (await branchSection.getAttribute('data-shown')).split('|')[1]
    const branch = await api(page, `/api/v1/stats/members?date=${lastYearEnd}&scope=${scopeKey}`)
    assert.equal(branch.status, 200)
    assert.equal(branch.body.scope.name, '东湖科技有限公司党支部')
    assert.ok(branch.body.members > 0 && branch.body.members < then.body.members, 'the branch has some of the district’s members')
    await checkCards(page, branch.body)
    const branchFlows = await api(page, `/api/v1/stats/member-flows?from=${lastDayOfYearBefore(lastYearEnd)}&to=${lastYearEnd}&scope=${scopeKey}`)
    await checkFlows(page, branchFlows.body)
    const branchRecords = await openRecords(
      page,
      () => card(page, 'members').click(),
      (u) => u.searchParams.get('figure') === 'members' && u.searchParams.get('scope') === scopeKey,
      branch.body.members,
      '支部的党员',
    )
    assert.ok(branchRecords.body.items.every((m) => m.party_org_name === '东湖科技有限公司党支部'), 'every member is the branch’s')
    await shot(page, 'member-dashboard-06-branch')
    await closeDrawer(page)

    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})

test('an instructor’s dashboard works: member figures as the server answers, no pipeline he may not open', { timeout: 240_000 }, async () => {
  const password = server.passwordFor('zhidaoyuan')
  assert.ok(password, 'the demo prints zhidaoyuan’s one-time password')
  const { page, errors, close } = await openBrowser()
  try {
    await signIn(page, server.url, 'zhidaoyuan', password)
    const today = todayShanghai()
    await page.locator(`[data-test=dashboard][data-shown^="${today}|"]`).waitFor()
    // The org figures are there whatever happens to the member ones.
    const coverage = await api(page, `/api/v1/stats/coverage?date=${today}`)
    assert.equal(coverage.status, 200)
    assert.equal((await page.locator('[data-test=kpi-orgs] [data-test=kpi-value]').innerText()).trim(), num(coverage.body.orgs))

    const members = await api(page, `/api/v1/stats/members?date=${today}`)
    const section = page.locator('[data-test=member-section]')
    if (members.status === 200) {
      await page.locator(`[data-test=member-section][data-shown^="${today}|"][data-state=ok]`).waitFor()
      await checkCards(page, members.body)
    } else {
      // Refused: no section, and no error message for it.
      await page.waitForTimeout(1000)
      assert.equal(await section.count(), 0, `/stats/members answers ${members.status}: no member section`)
    }
    // No recruit.read: the pipeline, whose records he may not open, is not shown.
    const records = await api(page, `/api/v1/stats/recruitment/records?stage=applicant&date=${today}`)
    assert.equal(records.status, 403)
    assert.equal(await page.locator('[data-test=member-pipeline]').count(), 0)
    assert.equal(await page.locator('.el-message--error').count(), 0, 'no error message on the dashboard')
    await shot(page, 'member-dashboard-07-instructor')
    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})
