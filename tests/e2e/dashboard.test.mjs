// 数据看板 (issue #7) through the browser, on the demo district: the KPI cards
// show exactly what GET /api/v1/stats/coverage says, the charts draw (canvas,
// screenshot), the 组建率 card opens the records it counted (their total is
// the covered figure), the 两新组织 card's records page through the shared
// pager (10 a page, page 2, a size change back on page 1), 截至日期 at the
// end of last year shows that day's figures, 统计报表 downloads an .xlsx (a
// zip: "PK"), and the print page shows the summary sentences of GET
// /api/v1/stats/summary.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { api, num, pct, todayShanghai } from './api.mjs'
import { startServer } from './server.mjs'
import { openBrowser, shot } from './browser.mjs'
import { checkPager } from './pager.mjs'
import { signIn } from './session.mjs'

let server

before(async () => {
  server = await startServer()
})

after(async () => {
  await server?.stop()
})

/** Waits until the dashboard shows the figures of `date` (its own scope). */
async function waitShown(page, date) {
  await page.locator(`[data-test=dashboard][data-shown="${date}|"]`).waitFor()
}

/** Each card's value and sub line against the coverage answer. */
async function checkCards(page, c) {
  const card = (key) => page.locator(`[data-test=kpi-${key}]`)
  const value = async (key) => (await card(key).locator('[data-test=kpi-value]').innerText()).trim()
  const sub = async (key) => (await card(key).locator('[data-test=kpi-sub]').innerText()).trim()
  assert.equal(await value('orgs'), num(c.orgs), '两新组织数')
  assert.equal(await value('organisation_coverage_rate'), pct(c.organisation_coverage_rate), '组建率')
  assert.equal(
    await sub('organisation_coverage_rate'),
    `${c.organisation_coverage_rate.numerator}/${c.organisation_coverage_rate.denominator}`,
    '组建率的分子/分母',
  )
  assert.equal(await value('work_coverage_rate'), pct(c.work_coverage_rate), '工作覆盖率')
  assert.equal(
    await sub('work_coverage_rate'),
    `${c.work_coverage_rate.numerator}/${c.work_coverage_rate.denominator}`,
    '工作覆盖率的分子/分母',
  )
  assert.equal(await value('party_orgs'), num(c.party_orgs), '党组织数')
  assert.equal(await value('should_build'), num(c.should_build), '应建未建')
  assert.equal(await value('stale'), num(c.stale), '底数待核实')
  assert.equal(await value('overdue_reelections'), num(c.overdue_reelections), '换届逾期')
}

test('dashboard: cards equal the API, charts draw, 组建率 opens its records, 截至日期, report, print page', { timeout: 420_000 }, async (t) => {
  const { page, errors, close } = await openBrowser()
  try {
    await signIn(page, server.url, 'admin', server.password)
    const today = todayShanghai()

    // The cards: the same numbers as GET /stats/coverage.
    await waitShown(page, today)
    const now = await api(page, `/api/v1/stats/coverage?date=${today}`)
    assert.equal(now.status, 200)
    assert.ok(now.body.orgs > 0, 'the demo district has orgs')
    await checkCards(page, now.body)

    // The charts: a canvas each, drawn (animation is off under webdriver).
    for (const chart of ['chart-area', 'chart-colours', 'chart-industry', 'chart-formation', 'chart-series']) {
      const el = page.locator(`[data-test=${chart}]`)
      await el.locator('canvas').first().waitFor()
      await page.locator(`[data-test=${chart}][data-rendered=true]`).waitFor()
      const box = await el.boundingBox()
      assert.ok(box && box.width > 100 && box.height > 100, `${chart} has a size`)
    }
    // The layout scrolls inside; a tall window shows the whole dashboard in one picture.
    await page.setViewportSize({ width: 1366, height: 1500 })
    await page.waitForTimeout(500) // the charts follow their boxes' new size
    await shot(page, 'dashboard-01-cards-charts')

    // 组建率 → the records it counted: as many as `covered`.
    const listed = page.waitForResponse((r) => r.url().includes('/api/v1/stats/records?') && r.url().includes('figure=covered'))
    await page.locator('[data-test=kpi-organisation_coverage_rate]').click()
    const records = await (await listed).json()
    assert.equal(records.total, now.body.covered, 'records of 组建率 = covered')
    assert.equal(records.total, now.body.organisation_coverage_rate.numerator)
    const drawer = page.locator('[data-test=records-drawer]')
    await drawer.locator('[data-test=records-total][data-loaded=true]').waitFor()
    assert.equal((await drawer.locator('[data-test=records-total]').innerText()).trim(), String(now.body.covered))
    const rows = await drawer.locator('[data-test=records-table] .el-table__body-wrapper tr.el-table__row').count()
    assert.equal(rows, Math.min(now.body.covered, 20), 'the first page of the records')
    await shot(page, 'dashboard-02-records')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })

    // 两新组织 → all the orgs, paged: 10 a page, page 2, then 20 a page back on page 1.
    const allOrgs = page.waitForResponse((r) => r.url().includes('/api/v1/stats/records?') && r.url().includes('figure=orgs'))
    await page.locator('[data-test=kpi-orgs]').click()
    assert.equal((await (await allOrgs).json()).total, now.body.orgs)
    await drawer.locator('[data-test=records-total][data-loaded=true]').waitFor()
    await checkPager(page, drawer, {
      isList: (u) => new URL(u).pathname === '/api/v1/stats/records' && new URL(u).searchParams.get('figure') === 'orgs',
      total: now.body.orgs,
      rows: drawer.locator('[data-test=records-table] .el-table__body-wrapper tr.el-table__row'),
    })
    await drawer.locator('[data-test=records-total]').click() // out of the size select, which keeps Escape for itself
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })

    // A slice: the middle of the red one on the 三色 ring (it starts at 12 o'clock, clockwise) → the red orgs.
    if (now.body.colours.red > 0) {
      const box = await page.locator('[data-test=chart-colours]').boundingBox()
      const r = (Math.min(box.width, box.height) / 2) * 0.46 // between the ring's 34% and 58%
      const angle = Math.PI / 2 - Math.PI * (now.body.colours.red / now.body.orgs)
      const cx = box.x + box.width / 2
      const cy = box.y + box.height * 0.45
      const red = page.waitForResponse((res) => res.url().includes('/api/v1/stats/records?') && res.url().includes('figure=red'))
      await page.mouse.click(cx + r * Math.cos(angle), cy - r * Math.sin(angle))
      assert.equal((await (await red).json()).total, now.body.colours.red, 'records of the red slice = colours.red')
      await drawer.locator('[data-test=records-total][data-loaded=true]').waitFor()
      await shot(page, 'dashboard-02b-red-slice')
      await page.keyboard.press('Escape')
      await drawer.waitFor({ state: 'hidden' })
    }

    // 截至日期 → the end of last year: the cards say what the API says for that day.
    const lastYearEnd = `${Number(today.slice(0, 4)) - 1}-12-31`
    const asked = page.waitForResponse((r) => r.url().includes(`/api/v1/stats/coverage?date=${lastYearEnd}`))
    const input = page.locator('[data-test=stats-date] input')
    await input.click()
    await input.fill(lastYearEnd)
    await input.press('Enter')
    await asked
    await waitShown(page, lastYearEnd)
    const then = await api(page, `/api/v1/stats/coverage?date=${lastYearEnd}`)
    assert.equal(then.status, 200)
    assert.equal(then.body.date, lastYearEnd)
    await checkCards(page, then.body)
    await page.locator('[data-test=chart-series][data-rendered=true]').waitFor()
    await shot(page, 'dashboard-03-last-year')

    // The report and the summary came with the stats backend's second part; until
    // then (404) those two steps are reported as skipped, not passed.
    const summaryProbe = await api(page, `/api/v1/stats/summary?date=${today}`)
    if (summaryProbe.status === 404) {
      t.diagnostic('GET /api/v1/stats/summary answers 404: report and print page not checked')
      assert.deepEqual(errors, [])
      t.skip('the report and summary endpoints are not in this server yet')
      return
    }

    // 底数待核实 → its records (as many as `stale` on that day) → 导出: an xlsx of the same query.
    const staleListed = page.waitForResponse((r) => r.url().includes('/api/v1/stats/records?') && r.url().includes('figure=stale'))
    await page.locator('[data-test=kpi-stale]').click()
    assert.equal((await (await staleListed).json()).total, then.body.stale, 'records of 底数待核实 = stale')
    await drawer.locator('[data-test=records-total][data-loaded=true]').waitFor()
    const exported = page.waitForEvent('download')
    const exportAnswer = page.waitForResponse((r) => r.url().includes('/api/v1/stats/records/export?'))
    await drawer.locator('[data-test=records-export]').click()
    assert.match((await exportAnswer).url(), new RegExp(`figure=stale&date=${lastYearEnd}`))
    const sheet = await exported
    assert.match(sheet.suggestedFilename(), /\.xlsx$/)
    assert.equal(readFileSync(await sheet.path()).subarray(0, 2).toString('latin1'), 'PK', 'the export is an xlsx (zip) file')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })

    // 统计报表: a background job, then the workbook downloads (an .xlsx is a zip: PK).
    const download = page.waitForEvent('download', { timeout: 120_000 })
    await page.locator('[data-test=report-button]').click()
    const file = await download
    assert.match(file.suggestedFilename(), /\.xlsx$/)
    const bytes = readFileSync(await file.path())
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'the report is an xlsx (zip) file')
    await shot(page, 'dashboard-04-report')

    // The print page: the summary sentences as the API words them, the tables, no chrome when printed.
    await page.goto(`${server.url}/stats/print?date=${today}`)
    await page.locator('[data-test=print-sheet][data-loaded=true]').waitFor()
    const summary = await api(page, `/api/v1/stats/summary?date=${today}`)
    assert.equal(summary.status, 200)
    assert.ok(summary.body.sentences.length > 0, 'the summary has sentences')
    const shown = (await page.locator('[data-test=summary-sentence]').allInnerTexts()).map((s) => s.trim())
    assert.deepEqual(shown, summary.body.sentences)
    for (const t of ['table-area', 'table-kind', 'table-type', 'table-formation', 'table-should-build']) {
      await page.locator(`[data-test=${t}]`).waitFor()
    }
    await page.getByRole('button', { name: '打印' }).waitFor()
    await shot(page, 'dashboard-05-print')
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.getByRole('button', { name: '打印' }).isVisible(), false, 'the toolbar is not printed')
    assert.equal(await page.locator('aside .el-menu').count(), 0, 'no menu on the print page')
    await shot(page, 'dashboard-06-print-media')
    await page.emulateMedia({ media: 'screen' })

    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})

test('a street user’s dashboard shows his street’s figures', { timeout: 240_000 }, async () => {
  const password = server.passwordFor('donghu')
  assert.ok(password, 'the demo prints donghu’s one-time password')
  const { page, errors, close } = await openBrowser()
  try {
    await signIn(page, server.url, 'donghu', password)
    const today = todayShanghai()
    // His own scope is the one in view (data-shown ends with it).
    await page.locator(`[data-test=dashboard][data-shown^="${today}|area:"]`).waitFor()
    const mine = await api(page, `/api/v1/stats/coverage?date=${today}`)
    assert.equal(mine.status, 200)
    assert.equal(mine.body.scope.type, 'area')
    const all = await api(page, `/api/v1/stats/coverage?date=${today}&scope=all`)
    assert.equal(all.status, 403, 'a street user may not ask for the whole district')
    await checkCards(page, mine.body)
    await page.locator('[data-test=chart-colours] canvas').first().waitFor()
    await shot(page, 'dashboard-07-street')
    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})
