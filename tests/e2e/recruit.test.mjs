// 发展党员 through the browser, as the demo branch's secretary (shuji,
// 东湖科技有限公司党支部): every stage's tab shows its count and each person's
// next step and due day as GET /api/v1/recruits gives them, the overdue
// applicant in red; 列为发展对象 for the activist on a day that is too early is
// refused in the dialog with the server's own message (R-REC-4 and the first
// allowed day) and nothing changes; then 谈话登记 and 确定积极分子 (with a
// sponsor) for the overdue applicant move him along the board, and his
// timeline shows every step. 新增申请人: a 17-year-old is refused (R-REC-1,
// the 18th birthday named), an adult appears with the talk due in a month.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { idNumber, todayShanghai } from './api.mjs'
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

const STAGES = [
  ['applicant', '入党申请人'],
  ['activist', '入党积极分子'],
  ['candidate', '发展对象'],
  ['probationary', '预备党员'],
  ['full', '正式党员'],
]

/** The body rows of the board's table, each as its cells' texts. */
async function boardRows(page) {
  return page
    .locator('[data-test=recruit-table] .el-table__body-wrapper tr.el-table__row')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.replace(/\s+/g, ' ').trim())))
}

/** The board's row of a person (the left, unfixed table body). */
function rowOf(page, name) {
  return page.locator('[data-test=recruit-table] .el-table__body-wrapper tr.el-table__row').filter({ hasText: name })
}

/** A GET the page makes, answered. */
function answerTo(page, test) {
  return page.waitForResponse((r) => r.request().method() === 'GET' && test(new URL(r.url())))
}

/** Opens a stage's tab and returns the list answer it loaded. */
async function openTab(page, stage) {
  const listed = answerTo(page, (u) =>
    stage === 'overdue' ? u.pathname === '/api/v1/recruits/overdue' : u.pathname === '/api/v1/recruits' && u.searchParams.get('stage') === stage && u.searchParams.get('size') !== '1',
  )
  const active = await page.locator(`#tab-${stage}`).evaluate((el) => el.classList.contains('is-active'))
  // Clicking the open tab does nothing: 刷新 reloads it.
  await page.locator(active ? '[data-test=recruit-refresh]' : `[data-test=tab-${stage}]`).click()
  const answer = await (await listed).json()
  await page.locator('[data-test=recruit-table]').waitFor()
  // The table shows the answer once loading is over.
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-test=recruit-table] .el-table__body-wrapper tr.el-table__row').length === n &&
      !document.querySelector('[data-test=recruit-table] .el-loading-mask'),
    answer.items.length,
  )
  return answer
}

/** The count a tab shows. */
async function tabCount(page, stage) {
  const text = await page.locator(`[data-test=tab-${stage}] .count`).innerText()
  return Number(text.trim())
}

/** Sets an Element Plus date picker (inside `scope`, by the form item's data-test) by typing the day. */
async function setDate(scope, fieldTest, iso) {
  const input = scope.locator(`[data-test=${fieldTest}] input`)
  await input.click()
  await input.fill(iso)
  await input.press('Enter')
}

function isoPlus(iso, { years = 0, months = 0, days = 0 }) {
  const [y, m, d] = iso.split('-').map(Number)
  // add_years / add_months clamp the day to the end of a shorter month (docs/recruitment.md).
  const ty = y + years + Math.floor((m - 1 + months) / 12)
  const tm = ((m - 1 + months) % 12 + 12) % 12
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate()
  const t = new Date(Date.UTC(ty, tm, Math.min(d, last)) + days * 86_400_000)
  return t.toISOString().slice(0, 10)
}

const chinese = (iso) => {
  const [y, m, d] = iso.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

test('recruit board: next steps and due days, an early step refused with the rule and first day, allowed steps move the board', { timeout: 300_000 }, async () => {
  const password = server.passwordFor('shuji')
  assert.ok(password, 'the demo prints shuji’s one-time password')
  const { page, errors, close } = await openBrowser()
  try {
    await signIn(page, server.url, 'shuji', password)
    const firstList = answerTo(page, (u) => u.pathname === '/api/v1/recruits' && u.searchParams.get('stage') === 'applicant' && u.searchParams.get('size') !== '1')
    await openMenu(page, '党员管理', '发展党员')
    await page.waitForURL(/\/recruits/)
    await firstList
    await page.locator('[data-test=tab-overdue] .count').waitFor()
    await shot(page, 'recruit-01-board')

    // Every stage: the count on its tab and each person's next step and due day, as the server gives them.
    const byStage = {}
    for (const [stage, label] of STAGES) {
      const answer = await openTab(page, stage)
      byStage[stage] = answer
      assert.ok(answer.total >= 1, `the demo branch has someone at stage ${stage}`)
      assert.match(await page.locator(`[data-test=tab-${stage}]`).innerText(), new RegExp(label))
      assert.equal(await tabCount(page, stage), answer.total, `${label} count`)
      const shown = await boardRows(page)
      assert.equal(shown.length, answer.items.length)
      for (const r of answer.items) {
        const row = shown.find((cells) => cells[0] === r.name)
        assert.ok(row, `${r.name} is on the ${label} tab`)
        const text = row.join(' | ')
        if (r.next_step) {
          assert.ok(text.includes(r.next_step.name), `${r.name}: next step ${r.next_step.name} in ${text}`)
          assert.ok(text.includes(r.next_step.rule), `${r.name}: rule ${r.next_step.rule}`)
          if (r.due_on) assert.ok(text.includes(r.due_on), `${r.name}: due ${r.due_on} in ${text}`)
          if (r.next_step.earliest_on) assert.ok(text.includes(r.next_step.earliest_on), `${r.name}: earliest day`)
        } else {
          assert.equal(stage, 'full', `only full members have no next step (${r.name})`)
        }
        assert.equal(text.includes('超期'), r.overdue, `${r.name}: overdue mark`)
      }
      await shot(page, `recruit-02-${stage}`)
    }

    // The overdue applicant (R-REC-2: not talked to within a month) is in red and on 超期未办.
    const late = byStage.applicant.items.find((r) => r.overdue)
    assert.ok(late, 'the demo has an overdue applicant')
    assert.equal(late.next_step.code, 'talk')
    const overdue = await openTab(page, 'overdue')
    assert.equal(await tabCount(page, 'overdue'), overdue.total)
    assert.ok(overdue.items.some((r) => r.id === late.id))
    await openTab(page, 'applicant')
    const lateDue = rowOf(page, late.name).locator('td.col-due .overdue')
    assert.equal(await lateDue.innerText(), late.due_on)
    assert.equal(await lateDue.evaluate((el) => getComputedStyle(el).color), 'rgb(245, 108, 108)')

    // 列为发展对象 too early: the activist has not had a full year (R-REC-4).
    const activists = await openTab(page, 'activist')
    const activist = activists.items[0]
    const firstDay = isoPlus(activist.activist_on, { years: 1, days: 1 })
    // Yesterday (or the activist day itself, if that is later): any day before the first allowed one.
    const yesterday = isoPlus(todayShanghai(), { days: -1 })
    const tooEarly = yesterday > activist.activist_on ? yesterday : activist.activist_on
    await rowOf(page, activist.name).getByRole('button', { name: '列为发展对象' }).click()
    let dialog = page.getByRole('dialog', { name: '列为发展对象' })
    await dialog.waitFor()
    await dialog.locator('[data-test=step-window]').getByText(`最早 ${firstDay}`).waitFor() // the open step's hint
    await setDate(dialog, 'field-decided_on', tooEarly)
    const refused = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/v1/recruits/${activist.id}/candidate`))
    await dialog.locator('[data-test=step-submit]').click()
    const refusal = await refused
    assert.equal(refusal.status(), 422)
    assert.deepEqual(JSON.parse(refusal.request().postData()), { decided_on: tooEarly })
    const message = (await refusal.json()).error.message
    assert.equal(message, `列为发展对象须在确定为入党积极分子满一年后，最早可于${chinese(firstDay)}（R-REC-4）`)
    const alert = dialog.locator('[data-test=step-refusal]')
    await alert.waitFor()
    assert.equal((await alert.locator('.el-alert__title').innerText()).trim(), message)
    await shot(page, 'recruit-03-refused')
    await dialog.getByRole('button', { name: '取消' }).click()
    await dialog.waitFor({ state: 'hidden' })
    // Nothing changed: still an activist, still on the tab, the same counts.
    const still = await page.evaluate(async (id) => (await fetch(`/api/v1/recruits/${id}`)).json(), activist.id)
    assert.equal(still.stage, 'activist')
    assert.equal(still.candidate_on, null)
    assert.equal(still.timeline.filter((e) => e.event === 'candidate').length, 0)
    const again = await openTab(page, 'activist')
    assert.equal(again.total, activists.total)
    assert.ok(again.items.some((r) => r.id === activist.id))

    // An allowed step: the talk with the overdue applicant, today.
    const counts0 = {}
    for (const s of ['applicant', 'activist', 'overdue']) counts0[s] = await tabCount(page, s)
    await openTab(page, 'applicant')
    await rowOf(page, late.name).getByRole('button', { name: '谈话登记' }).click()
    dialog = page.getByRole('dialog', { name: '党组织派人谈话' })
    await dialog.waitFor()
    await dialog.locator('[data-test=field-talk_by] input').fill('张书记')
    const talked = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/v1/recruits/${late.id}/talk`))
    const relisted = answerTo(page, (u) => u.pathname === '/api/v1/recruits' && u.searchParams.get('stage') === 'applicant' && u.searchParams.get('size') !== '1')
    await dialog.locator('[data-test=step-submit]').click()
    const talk = await talked
    assert.equal(talk.status(), 200)
    const afterTalk = await talk.json()
    assert.equal(afterTalk.next_step.code, 'activist')
    assert.equal(afterTalk.overdue, false)
    await relisted
    await dialog.waitFor({ state: 'hidden' })
    // The board: his next step is now 确定为入党积极分子, no longer overdue; 超期未办 has one fewer.
    await rowOf(page, late.name).filter({ hasText: '确定为入党积极分子' }).waitFor()
    await rowOf(page, late.name).getByText('超期').waitFor({ state: 'detached' }) // the tag leaves (after its transition)
    await page.waitForFunction((n) => document.querySelector('[data-test=tab-overdue] .count')?.textContent.trim() === String(n), counts0.overdue - 1)
    await shot(page, 'recruit-04-talked')

    // 确定积极分子 with a sponsor (a full member of the branch, R-REC-3): he moves to 入党积极分子.
    await rowOf(page, late.name).getByRole('button', { name: '确定积极分子' }).click()
    dialog = page.getByRole('dialog', { name: '确定为入党积极分子' })
    await dialog.waitFor()
    await dialog.locator('[data-test=field-sponsor_ids] .el-select').click()
    const option = page.locator('.el-select-dropdown:visible .el-select-dropdown__item').first()
    const sponsor = (await option.innerText()).trim()
    await option.click()
    await dialog.locator('.el-dialog__title').click() // close the dropdown
    const made = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/v1/recruits/${late.id}/activist`))
    await dialog.locator('[data-test=step-submit]').click()
    const activated = await made
    assert.equal(activated.status(), 200, await activated.text())
    const detail = await activated.json()
    assert.equal(detail.stage, 'activist')
    assert.deepEqual(detail.sponsors.map((s) => s.name), [sponsor])
    await dialog.waitFor({ state: 'hidden' })
    await page.waitForFunction((n) => document.querySelector('[data-test=tab-applicant] .count')?.textContent.trim() === String(n), counts0.applicant - 1)
    await page.waitForFunction((n) => document.querySelector('[data-test=tab-activist] .count')?.textContent.trim() === String(n), counts0.activist + 1)
    assert.equal(await rowOf(page, late.name).count(), 0, 'he left the 入党申请人 tab')
    await openTab(page, 'activist')
    const moved = (await boardRows(page)).find((cells) => cells[0] === late.name)
    assert.ok(moved, 'he is on the 入党积极分子 tab')
    assert.ok(moved.join(' ').includes('半年考察'), moved.join(' | '))
    assert.ok(moved.join(' ').includes(isoPlus(detail.activist_on, { months: 6 })), 'review due six months on (R-REC-9)')
    await shot(page, 'recruit-05-activist')

    // His timeline: every step with its date and facts.
    await rowOf(page, late.name).locator('td.col-name .el-link').click()
    const drawer = page.locator('[data-test=recruit-timeline]')
    const events = drawer.locator('[data-test=timeline-events]')
    await events.getByText('确定为入党积极分子').waitFor()
    const text = await events.innerText()
    for (const want of ['递交入党申请', '党组织派人谈话', '谈话人：张书记', '谈话超过一个月（R-REC-2）', `培养联系人：${sponsor}`, late.applied_on, detail.activist_on]) {
      assert.ok(text.includes(want), `timeline shows ${want}: ${text}`)
    }
    assert.match(await drawer.locator('[data-test=timeline-facts]').innerText(), new RegExp(sponsor))
    await shot(page, 'recruit-06-timeline')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })

    // 新增申请人: 17 years old on the application day is refused by R-REC-1, naming the 18th birthday.
    const today = todayShanghai()
    const young = isoPlus(today, { years: -18, days: 30 })
    await page.locator('[data-test=new-applicant]').click()
    dialog = page.getByRole('dialog', { name: '新增入党申请人' })
    await dialog.waitFor()
    const field = (label) => dialog.locator('.el-form-item').filter({ has: page.locator('.el-form-item__label', { hasText: new RegExp(`^${label}$`) }) })
    assert.equal(await field('接收党组织').locator('.el-select').innerText().then((t) => t.trim()), '东湖科技有限公司党支部', 'the board’s party org is proposed')
    await field('姓名').locator('input').fill('秦小北')
    await field('身份证号').locator('input').fill(idNumber(young, 517))
    let created = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/recruits')
    await dialog.getByRole('button', { name: '确定' }).click()
    let answer = await created
    assert.equal(answer.status(), 422)
    const tooYoung = (await answer.json()).error.message
    assert.equal(tooYoung, `申请入党须年满十八周岁，最早可于${chinese(isoPlus(young, { years: 18 }))}（R-REC-1）`)
    assert.equal((await dialog.locator('[data-test=applicant-refusal] .el-alert__title').innerText()).trim(), tooYoung)
    // An adult is accepted and listed with the talk due one month after the application (R-REC-2).
    await field('身份证号').locator('input').fill(idNumber('1998-04-12', 518))
    created = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/recruits')
    await dialog.getByRole('button', { name: '确定' }).click()
    answer = await created
    assert.equal(answer.status(), 201, await answer.text())
    const fresh = await answer.json()
    assert.equal(fresh.next_step.code, 'talk')
    assert.equal(fresh.due_on, isoPlus(today, { months: 1 }))
    await dialog.waitFor({ state: 'hidden' })
    await rowOf(page, '秦小北').filter({ hasText: '党组织派人谈话' }).filter({ hasText: fresh.due_on }).waitFor()
    await page.waitForFunction((n) => document.querySelector('[data-test=tab-applicant] .count')?.textContent.trim() === String(n), counts0.applicant)
    await shot(page, 'recruit-07-applicant')

    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})
