// 数据看板 · 组织生活 through the browser, on the demo district (a year of
// meetings for 东湖科技有限公司党支部, fewer for 西城物流有限公司党支部):
// the cards show exactly what GET /api/v1/stats/life says for the same scope,
// period and date (rates as "20.00%" with "1/5", made from the counts); 未落实
// and 落实率 open exactly the party orgs of GET /stats/life/records (names and
// unmet duties per row); a bar's red and green parts open unmet:<kind> and
// met:<kind>, as many as the figure; 出勤率 opens the period's meetings of
// exactly the scope (GET /meetings?scope=), whose attendance — online meetings
// still open marked 未计入 and left out — adds up to the card; 月/季/年,
// 截至日期 and 数据范围 (a branch, a street) change the figures to the API's;
// an instructor (stats.read, no life.read) gets the figures and the party
// orgs, and a card that opens nothing.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, num, share, todayShanghai } from './api.mjs'
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

/** Every item of a paged list (size 100 a page). */
async function all(page, path) {
  const items = []
  for (let p = 1; ; p++) {
    const r = await api(page, `${path}${path.includes('?') ? '&' : '?'}page=${p}&size=100`)
    assert.equal(r.status, 200, `GET ${path} page ${p}`)
    items.push(...r.body.items)
    if (items.length >= r.body.total || r.body.items.length === 0) {
      assert.equal(items.length, r.body.total, `${path}: every item read`)
      return items
    }
  }
}

const q = (o) => new URLSearchParams(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')).toString()

/** Waits until the life section shows the figures of date|scope|period. */
async function waitLife(page, date, scope, period) {
  await page.locator(`[data-test=life-section][data-shown="${date}|${scope}|${period}"][data-state=ok]`).waitFor()
}

const card = (page, key) => page.locator(`[data-test=life-kpi-${key}]`)
const cardValue = async (page, key) => (await card(page, key).locator('[data-test=kpi-value]').innerText()).trim()
const cardSub = async (page, key) => (await card(page, key).locator('[data-test=kpi-sub]').innerText()).trim()

/** GET /stats/life for the query, and each card against it. Returns the figures. */
async function checkCards(page, query, what) {
  const r = await api(page, `/api/v1/stats/life?${q(query)}`)
  assert.equal(r.status, 200, `${what}: /stats/life`)
  const f = r.body
  assert.equal(f.period.cycle, query.period)
  assert.ok(f.period.from <= query.date && query.date <= f.period.to, `${what}: the period contains the date`)
  assert.equal(f.complying + f.noncompliant, f.assessed)
  assert.equal(await cardValue(page, 'compliance_rate'), share(f.complying, f.assessed), `${what}: 组织生活落实率`)
  assert.equal(await cardSub(page, 'compliance_rate'), `${num(f.complying)}/${num(f.assessed)}`, `${what}: 落实率的分子/分母`)
  if (f.compliance_rate !== null) {
    // The server's float says the same as the percent made from the counts.
    assert.ok(Math.abs(parseFloat(share(f.complying, f.assessed)) - f.compliance_rate * 100) <= 0.005, `${what}: compliance_rate`)
  }
  assert.equal(await cardValue(page, 'noncompliant'), num(f.noncompliant), `${what}: 未落实党组织`)
  assert.equal(await cardSub(page, 'noncompliant'), `共考核 ${num(f.assessed)} 个`)
  const a = f.attendance
  assert.equal(await cardValue(page, 'attendance_rate'), share(a.present, a.expected), `${what}: 出勤率`)
  assert.equal(await cardSub(page, 'attendance_rate'), `${num(a.present)}/${num(a.expected)} 人次`, `${what}: 出勤的分子/分母`)
  const text = await page.locator('[data-test=life-period-text]').innerText()
  assert.ok(text.includes(`${f.period.from} 至 ${f.period.to}`), `${what}: the period shown (${text})`)
  return f
}

const drawer = (page) => page.locator('[data-test=records-drawer]')
async function closeDrawer(page) {
  await page.keyboard.press('Escape')
  await drawer(page).waitFor({ state: 'hidden' })
}

/**
 * Clicks `target`, waits for the /stats/life/records answer of `figure` (and
 * the query's scope, period and date), and checks the drawer against every
 * record of the same query read from the API: the total is `expected`, the
 * rows are those party orgs in that order, each with its unmet duties.
 */
async function openLifeRecords(page, target, query, figure, expected, what) {
  const answered = page.waitForResponse((r) => {
    if (!r.url().includes('/api/v1/stats/life/records?')) return false
    const u = new URL(r.url()).searchParams
    return (
      u.get('figure') === figure &&
      u.get('period') === query.period &&
      u.get('date') === query.date &&
      (u.get('scope') ?? '') === (query.scope ?? '')
    )
  })
  await target()
  const res = await answered
  assert.equal(res.status(), 200, `${what}: the records answer`)
  const body = await res.json()
  assert.equal(body.total, expected, `${what}: records total = the figure`)
  const d = drawer(page)
  await d.locator('[data-test=life-records] [data-test=records-total][data-loaded=true]').waitFor()
  assert.equal((await d.locator('[data-test=records-total]').innerText()).trim(), String(expected), `${what}: the total shown`)

  const records = await all(page, `/api/v1/stats/life/records?${q({ ...query, figure })}`)
  assert.equal(records.length, expected)
  const first = records.slice(0, 20)
  const names = (await d.locator('td.col-name .cell').allInnerTexts()).map((t) => t.trim())
  assert.deepEqual(names, first.map((r) => r.party_org_name), `${what}: exactly the figure's party orgs`)
  const rows = d.locator('[data-test=records-table] .el-table__body-wrapper tr.el-table__row')
  assert.equal(await rows.count(), first.length)
  for (let k = 0; k < first.length; k++) {
    const unmet = first[k].duties.filter((x) => !x.met)
    const shown = (await rows.nth(k).locator('[data-test=unmet-duty]').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())
    assert.equal(shown.length, unmet.length, `${what}: ${first[k].party_org_name}'s unmet duties`)
    for (let j = 0; j < unmet.length; j++) {
      const u = unmet[j]
      assert.ok(shown[j].startsWith(u.rule), `${what}: the rule of "${shown[j]}"`)
      for (const part of [u.kind_name, `${u.from} 至 ${u.to}`, `${u.held}/${u.required}`])
        assert.ok(shown[j].includes(part), `${what}: "${shown[j]}" names ${part}`)
    }
  }
  return { body, records }
}

/** Kind chart's grid in pixels (LifeFigures.ts kindGrid) and its value axis 0..max 应落实. */
async function kindPoint(page, k, n, value, max) {
  const box = await page.locator('[data-test=chart-life-kinds]').boundingBox()
  const grid = { left: 44, right: 16, top: 36, bottom: 32 }
  const w = box.width - grid.left - grid.right
  const h = box.height - grid.top - grid.bottom
  return { x: box.x + grid.left + (w * (k + 0.5)) / n, y: box.y + grid.top + h * (1 - value / max) }
}

/** Whether /stats/life's attendance counts a meeting: an online one only once it has ended. */
const counted = (m) => !m.online || (m.ends_at !== null && Date.parse(m.ends_at) <= Date.now())

/**
 * The period's meetings as the 出勤率 card opens them, for the query's scope:
 * the request names the scope, the drawer shows the server's list in its
 * order with the uncounted (open online) ones marked, and the counted ones
 * add up to the attendance figure.
 */
async function openMeetings(page, query, f, today) {
  const to = f.period.to < today ? f.period.to : today
  const answered = page.waitForResponse((r) => {
    if (!/\/api\/v1\/meetings\?/.test(r.url())) return false
    const u = new URL(r.url()).searchParams
    return u.get('from') === f.period.from && u.get('to') === to && (u.get('scope') ?? '') === (query.scope ?? '')
  })
  await card(page, 'attendance_rate').click()
  const res = await answered
  assert.equal(res.status(), 200)
  const body = await res.json()
  const meetings = await all(page, `/api/v1/meetings?${q({ from: f.period.from, to, scope: query.scope })}`)
  assert.equal(body.total, meetings.length)
  // The meetings listed are the ones the attendance figure counted, and the open online ones.
  const inFigure = meetings.filter(counted)
  assert.equal(inFigure.reduce((s, m) => s + m.expected, 0), f.attendance.expected, '应到人次 = attendance.expected')
  assert.equal(inFigure.reduce((s, m) => s + m.present + m.late, 0), f.attendance.present, '出勤人次 = attendance.present')
  const d = drawer(page)
  await d.locator('[data-test=life-meetings] [data-test=records-total][data-loaded=true]').waitFor()
  assert.equal((await d.locator('[data-test=records-total]').innerText()).trim(), String(meetings.length))
  const rows = d.locator('[data-test=records-table] .el-table__body-wrapper tr.el-table__row')
  const first = meetings.slice(0, 20)
  assert.equal(await rows.count(), first.length)
  const orgs = (await d.locator('td.col-party-org .cell').allInnerTexts()).map((t) => t.trim())
  assert.deepEqual(
    orgs,
    first.map((m) => m.party_org_name + (m.group_name ? ` · ${m.group_name}` : '')),
    'the meetings in the server’s order',
  )
  for (let k = 0; k < first.length; k++) {
    const marked = await rows.nth(k).locator('[data-test=meeting-uncounted]').count()
    assert.equal(marked, counted(first[k]) ? 0 : 1, `${first[k].topic}: marked 未计入 exactly when not counted`)
  }
  return meetings
}

/** Picks a node (of `type`: area, party_org) of the dashboard's 数据范围 by name; returns the scope key the life section then shows. */
async function pickScope(page, name, type, today) {
  await page.locator('.dashboard .bar .scope').click()
  await page.locator('.dashboard .bar .scope input').fill(name)
  await page.locator('.el-popper:visible .el-tree-node__content').getByText(name, { exact: true }).click()
  const section = page.locator(`[data-test=life-section][data-shown^="${today}|${type}:"][data-state=ok]`)
  await section.waitFor()
  return (await section.getAttribute('data-shown')).split('|')[1]
}

async function pickPeriod(page, period) {
  await page.locator(`[data-test=life-period-${period}]`).click()
}

async function setDate(page, date) {
  const input = page.locator('[data-test=stats-date] input')
  await input.click()
  await input.fill(date)
  await input.press('Enter')
}

test('组织生活: cards equal the API, 未落实/落实率/a bar open exactly their party orgs, 出勤率 its meetings, 月/季/年, 截至日期, a branch', { timeout: 480_000 }, async () => {
  const { page, errors, close } = await openBrowser()
  try {
    await signIn(page, server.url, 'admin', server.password)
    const today = todayShanghai()

    // The quarter containing today, the whole district.
    await waitLife(page, today, '', 'quarter')
    let query = { period: 'quarter', date: today }
    const quarter = await checkCards(page, query, '本季度')
    assert.ok(quarter.assessed >= 2, 'the demo has branches to assess')
    assert.ok(quarter.noncompliant > 0, 'some branch falls short this quarter')
    assert.ok(quarter.attendance.expected > 0, 'the demo held meetings this quarter')
    await page.locator('[data-test=chart-life-kinds][data-rendered=true]').waitFor()
    await page.locator('[data-test=life-section]').scrollIntoViewIfNeeded()
    await shot(page, 'life-dashboard-01-section')

    // 未落实党组织 → exactly the noncompliant party orgs, each with its unmet duties.
    const non = await openLifeRecords(page, () => card(page, 'noncompliant').click(), query, 'noncompliant', quarter.noncompliant, '未落实')
    assert.ok(non.records.every((r) => !r.complies && r.duties.some((d) => !d.met)), 'each falls short of some duty')
    await shot(page, 'life-dashboard-02-noncompliant')
    await closeDrawer(page)

    // 组织生活落实率 → the complying ones (its numerator).
    const ok = await openLifeRecords(page, () => card(page, 'compliance_rate').click(), query, 'complying', quarter.complying, '落实率')
    assert.ok(ok.records.every((r) => r.complies))
    await closeDrawer(page)

    // A bar: the red part (未落实) of a kind some party org fell short of → unmet:<kind>.
    const kinds = quarter.by_kind.filter((k) => k.owed > 0)
    const max = Math.max(1, ...kinds.map((k) => k.owed))
    const red = kinds.findIndex((k) => k.owed > k.met)
    assert.ok(red >= 0, 'some kind is unmet this quarter')
    let pt = await kindPoint(page, red, kinds.length, (kinds[red].met + kinds[red].owed) / 2, max)
    const unmet = await openLifeRecords(
      page,
      () => page.mouse.click(pt.x, pt.y),
      query,
      `unmet:${kinds[red].kind}`,
      kinds[red].owed - kinds[red].met,
      `未落实 ${kinds[red].kind_name}`,
    )
    for (const r of unmet.records)
      assert.ok(r.duties.some((d) => d.kind === kinds[red].kind && !d.met), `${r.party_org_name} fell short of ${kinds[red].kind}`)
    assert.match(await drawer(page).locator('.el-drawer__title, .el-drawer__header').first().innerText(), new RegExp(kinds[red].rule))
    await shot(page, 'life-dashboard-03-unmet-kind')
    await closeDrawer(page)
    // …and the green part (已落实) of a kind someone met → met:<kind>.
    const green = kinds.findIndex((k) => k.met > 0)
    if (green >= 0) {
      pt = await kindPoint(page, green, kinds.length, kinds[green].met / 2, max)
      const met = await openLifeRecords(page, () => page.mouse.click(pt.x, pt.y), query, `met:${kinds[green].kind}`, kinds[green].met, `已落实 ${kinds[green].kind_name}`)
      for (const r of met.records)
        assert.ok(r.duties.filter((d) => d.kind === kinds[green].kind).every((d) => d.met), `${r.party_org_name} met ${kinds[green].kind}`)
      await closeDrawer(page)
    }

    // 出勤率 → the quarter's meetings (one's own scope: exactly those counted).
    const meetings = await openMeetings(page, query, quarter, today)
    assert.ok(meetings.length > 0)
    assert.ok(meetings.slice(0, 20).some((m) => !counted(m)), 'the demo’s open online meeting is listed (marked) on the first page')
    await shot(page, 'life-dashboard-04-meetings')
    await closeDrawer(page)

    // 月 and 年: the API's figures for the month and the year containing today.
    await pickPeriod(page, 'month')
    await waitLife(page, today, '', 'month')
    const month = await checkCards(page, { period: 'month', date: today }, '本月')
    await pickPeriod(page, 'year')
    await waitLife(page, today, '', 'year')
    query = { period: 'year', date: today }
    const year = await checkCards(page, query, '本年')
    assert.notDeepEqual(
      [month.assessed, month.complying, month.attendance],
      [year.assessed, year.complying, year.attendance],
      'the month and the year differ in the demo',
    )
    assert.ok(year.attendance.expected > quarter.attendance.expected, 'the year holds more meetings than the quarter')
    await page.locator('[data-test=chart-life-kinds][data-rendered=true]').waitFor()
    await shot(page, 'life-dashboard-05-year')
    // The year's 未落实 opens the year's party orgs.
    await openLifeRecords(page, () => card(page, 'noncompliant').click(), query, 'noncompliant', year.noncompliant, '本年未落实')
    await closeDrawer(page)

    // 截至日期 → the end of last year: last year's figures (the period stays 年).
    const lastYearEnd = `${Number(today.slice(0, 4)) - 1}-12-31`
    await setDate(page, lastYearEnd)
    await waitLife(page, lastYearEnd, '', 'year')
    const lastYear = await checkCards(page, { period: 'year', date: lastYearEnd }, '去年')
    assert.equal(lastYear.period.from, `${lastYearEnd.slice(0, 4)}-01-01`)
    assert.notDeepEqual(lastYear.attendance, year.attendance, 'last year’s attendance differs from this year’s')
    await pickPeriod(page, 'quarter')
    await waitLife(page, lastYearEnd, '', 'quarter')
    const lastQuarter = await checkCards(page, { period: 'quarter', date: lastYearEnd }, '去年第四季度')
    assert.equal(lastQuarter.period.from, `${lastYearEnd.slice(0, 4)}-10-01`)
    await openLifeRecords(
      page,
      () => card(page, 'noncompliant').click(),
      { period: 'quarter', date: lastYearEnd },
      'noncompliant',
      lastQuarter.noncompliant,
      '去年第四季度未落实',
    )
    await closeDrawer(page)

    // 数据范围 → 东湖科技有限公司党支部, back on today: its figures and its meetings.
    await setDate(page, today)
    await waitLife(page, today, '', 'quarter')
    const scopeKey = await pickScope(page, '东湖科技有限公司党支部', 'party_org', today)
    assert.match(scopeKey, /^party_org:\d+$/)
    query = { period: 'quarter', date: today, scope: scopeKey }
    const branch = await checkCards(page, query, '东湖科技有限公司党支部')
    assert.equal(branch.assessed, 1, 'the branch is the one party org assessed')
    assert.ok(branch.attendance.expected > 0 && branch.attendance.expected <= quarter.attendance.expected)
    const assessed = await all(page, `/api/v1/stats/life/records?${q({ ...query, figure: 'assessed' })}`)
    assert.deepEqual(assessed.map((r) => r.party_org_name), ['东湖科技有限公司党支部'])
    const branchMeetings = await openMeetings(page, query, branch, today)
    assert.ok(branchMeetings.every((m) => m.party_org_name === '东湖科技有限公司党支部'), 'only the branch’s meetings')
    await shot(page, 'life-dashboard-06-branch-meetings')
    await closeDrawer(page)
    if (branch.noncompliant > 0) {
      await openLifeRecords(page, () => card(page, 'noncompliant').click(), query, 'noncompliant', branch.noncompliant, '支部未落实')
      await closeDrawer(page)
    }

    // 数据范围 → 东湖街道 (an area): exactly the meetings of the party orgs in the street and below.
    const areaKey = await pickScope(page, '东湖街道', 'area', today)
    assert.match(areaKey, /^area:\d+$/)
    query = { period: 'quarter', date: today, scope: areaKey }
    const street = await checkCards(page, query, '东湖街道')
    const streetMeetings = await openMeetings(page, query, street, today)
    const nodes = (await api(page, '/api/v1/scopes')).body.items
    const areas = new Set([areaKey.split(':')[1]])
    for (let grew = true; grew; ) {
      grew = false
      for (const n of nodes)
        if (n.type === 'area' && n.parent_id !== null && areas.has(String(n.parent_id)) && !areas.has(String(n.id))) {
          areas.add(String(n.id))
          grew = true
        }
    }
    const inStreet = new Set(
      (await api(page, '/api/v1/party-orgs?include_dissolved=1')).body.items
        .filter((p) => p.area_id !== null && areas.has(String(p.area_id)))
        .map((p) => p.id),
    )
    const heldTo = street.period.to < today ? street.period.to : today
    const district = await all(page, `/api/v1/meetings?${q({ from: street.period.from, to: heldTo })}`)
    assert.deepEqual(
      streetMeetings.map((m) => m.id),
      district.filter((m) => inStreet.has(m.party_org_id)).map((m) => m.id),
      'the street’s meetings: the district’s of party orgs in the street, no more, no fewer',
    )
    assert.ok(streetMeetings.some((m) => m.party_org_name === '东湖科技有限公司党支部'), 'the branch’s meetings are the street’s')
    assert.ok(streetMeetings.length < district.length, 'other streets’ meetings are left out')
    await shot(page, 'life-dashboard-07-street-meetings')
    await closeDrawer(page)

    assert.equal(await page.locator('.el-message--error').count(), 0, 'no error message on the dashboard')
    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})

test('an instructor’s 组织生活: the figures and their party orgs, 出勤率 without the meetings he may not read', { timeout: 240_000 }, async () => {
  const password = server.passwordFor('zhidaoyuan')
  assert.ok(password, 'the demo prints zhidaoyuan’s one-time password')
  const { page, errors, close } = await openBrowser()
  try {
    await signIn(page, server.url, 'zhidaoyuan', password)
    const today = todayShanghai()
    await page.locator(`[data-test=dashboard][data-shown^="${today}|"]`).waitFor()
    const session = await api(page, '/api/v1/session')
    const own = session.body.user.scope
    const scope = own ? `${own.type}:${own.id}` : ''
    const figures = await api(page, `/api/v1/stats/life?${q({ period: 'quarter', date: today, scope })}`)
    if (figures.status !== 200) {
      // Refused: no section, and the rest of the dashboard stands.
      await page.waitForTimeout(1000)
      assert.equal(await page.locator('[data-test=life-section]').count(), 0, `/stats/life answers ${figures.status}: no section`)
    } else {
      await waitLife(page, today, scope, 'quarter')
      const f = await checkCards(page, { period: 'quarter', date: today, scope }, '指导员本季度')
      // The meetings are life.read's: the server refuses them, and the card opens nothing.
      assert.equal((await api(page, `/api/v1/meetings?from=${f.period.from}&to=${today}`)).status, 403)
      let asked = false
      page.on('request', (r) => {
        if (r.url().includes('/api/v1/meetings')) asked = true
      })
      await card(page, 'attendance_rate').click()
      await page.waitForTimeout(800)
      assert.equal(asked, false, 'no /meetings request')
      assert.equal(await drawer(page).isVisible(), false, 'no drawer for 出勤率')
      // The party orgs behind 未落实 are stats.read's.
      await openLifeRecords(page, () => card(page, 'noncompliant').click(), { period: 'quarter', date: today, scope }, 'noncompliant', f.noncompliant, '指导员未落实')
      await shot(page, 'life-dashboard-08-instructor')
      await closeDrawer(page)
    }
    // The org figures are there whatever happens to the life ones.
    const coverage = await api(page, `/api/v1/stats/coverage?date=${today}`)
    assert.equal((await page.locator('[data-test=kpi-orgs] [data-test=kpi-value]').innerText()).trim(), num(coverage.body.orgs))
    assert.equal(await page.locator('.el-message--error').count(), 0, 'no error message on the dashboard')
    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})
