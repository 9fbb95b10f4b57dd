// XSS (issue 6): names, topics, minutes and notes carrying <script>, event
// handlers and javascript: URLs — written through the API as any user could —
// are shown as text on every page that lists or opens them: no dialog fires,
// no injected element appears, the hostile text is readable as typed.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { apiOk, idNumber } from './api.mjs'
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

// A valid unified social credit code (GB 32100) from 17 characters.
function uscc(first17) {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
  let sum = 0
  for (let i = 0; i < 17; i++) sum += chars.indexOf(first17[i]) * weights[i]
  return first17 + chars[(31 - (sum % 31)) % 31]
}

const ORG = '<img src=x onerror="window.__lxXss=1">恶意组织'
const PARTY_ORG = '<script>window.__lxXss=2</script>恶意支部'
const MEMBER = '<svg onload=window.__lxXss=3>恶意'
const TOPIC = '"><img src=x onerror=window.__lxXss=4>恶意主题'
const MINUTES = '<p>正文<a href="javascript:window.__lxXss=5">点我</a><img src=x onerror=window.__lxXss=6></p>'

/** No hostile element is in the page, and no handler ran. */
async function clean(page, where) {
  assert.equal(await page.evaluate(() => window.__lxXss), undefined, `${where}: injected script ran`)
  const injected = await page.evaluate(() => ({
    img: document.querySelectorAll('img[src="x"]').length,
    svg: document.querySelectorAll('svg[onload]').length,
    handlers: [...document.querySelectorAll('*')].filter((e) =>
      [...e.attributes].some((a) => a.name.startsWith('on') && String(a.value).includes('__lxXss')),
    ).length,
    scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent.includes('__lxXss')).length,
    links: [...document.querySelectorAll('a[href^="javascript"]')].length,
  }))
  assert.deepEqual(injected, { img: 0, svg: 0, handlers: 0, scripts: 0, links: 0 }, where)
}

test('hostile text is shown as text on the pages that list and open it', { timeout: 300_000 }, async () => {
  const { page, errors, close } = await openBrowser()
  const dialogs = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    d.dismiss().catch(() => {})
  })
  try {
    await signIn(page, server.url, 'admin', server.password)
    const areas = await apiOk(page, '/api/v1/areas')
    const street = (areas.items ?? areas).find((a) => a.name === '东湖街道')
    const org = await apiOk(page, '/api/v1/orgs', {
      method: 'POST',
      body: {
        name: ORG,
        uscc: uscc('91310199XA' + String(Date.now() % 10_000_000).padStart(7, '0')),
        kind: 'enterprise',
        area_id: street.id,
        address: '<b onmouseover=window.__lxXss=7>地址</b>',
      },
    })
    const parents = await apiOk(page, '/api/v1/party-orgs?size=200')
    const committee = parents.items.find((p) => p.name === '东湖街道综合党委')
    const branch = await apiOk(page, '/api/v1/party-orgs', {
      method: 'POST',
      body: {
        parent_id: committee.id,
        name: PARTY_ORG,
        type: 'branch',
        formation: 'single',
        founded_on: '2020-01-01',
      },
    })
    await apiOk(page, '/api/v1/members', {
      method: 'POST',
      body: {
        name: MEMBER,
        id_number: idNumber('19800101', 7, '320102'),
        party_org_id: branch.id,
        status: 'full',
        admitted_on: '2015-07-01',
        confirmed_on: '2016-07-01',
        valid_from: '2020-01-01',
      },
    })
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
    const meeting = await apiOk(page, '/api/v1/meetings', {
      method: 'POST',
      body: {
        kind: 'theme_day',
        party_org_id: branch.id,
        topic: TOPIC,
        starts_at: yesterday + ' 10:00',
        minutes: MINUTES,
      },
    })
    assert.ok(!meeting.minutes.includes('javascript:'), meeting.minutes)
    assert.ok(!meeting.minutes.includes('onerror'), meeting.minutes)

    // 两新组织台账: the org's name as text in the list and in its detail.
    await openMenu(page, '两新组织', '两新组织台账')
    await page.locator('input[data-test=org-q], [data-test=org-q] input').first().fill('恶意组织')
    await page.keyboard.press('Enter')
    const row = page.locator('.el-table__body-wrapper tr.el-table__row').filter({ hasText: '恶意组织' }).first()
    await row.waitFor()
    assert.ok((await row.innerText()).includes('<img src=x onerror='), await row.innerText())
    await row.getByRole('button', { name: '详情' }).click()
    await page.getByText('<b onmouseover=', { exact: false }).first().waitFor()   // the address, as typed
    await clean(page, '两新组织台账')
    await shot(page, 'xss-01-org')
    await page.keyboard.press('Escape')

    // 组织架构: the party org's name in the tree and its title.
    await openMenu(page, '党组织', '组织架构')
    const node = page.locator('[data-test=party-org-tree]').getByText('恶意支部', { exact: false }).first()
    await node.waitFor()
    assert.ok((await node.innerText()).includes('<script>'), await node.innerText())
    await node.click()
    await page.waitForTimeout(500)
    await clean(page, '组织架构')
    await shot(page, 'xss-02-party-org')

    // 党员信息: the member's name in the list.
    await openMenu(page, '党员管理', '党员信息')
    await page.waitForTimeout(500)
    await page.locator('input[data-test=member-q], [data-test=member-q] input').first().fill('恶意')
    await page.keyboard.press('Enter')
    await page.locator('.el-table__body-wrapper tr.el-table__row').filter({ hasText: '<svg onload=' }).first().waitFor()
    await clean(page, '党员信息')
    await shot(page, 'xss-03-member')

    // 三会一课 (the whole district for the admin): the topic in the list, the minutes in the detail.
    await openMenu(page, '组织生活', '三会一课')
    const mrow = page.locator('.el-table__body-wrapper tr.el-table__row').filter({ hasText: '恶意主题' }).first()
    await mrow.waitFor()
    assert.ok((await mrow.innerText()).includes('"><img src=x onerror='), await mrow.innerText())
    await mrow.getByRole('button', { name: '详情' }).click()
    await page.getByText('点我', { exact: true }).first().waitFor()   // the link's text survives, its target does not
    await clean(page, '三会一课')
    await shot(page, 'xss-04-meeting')

    // The dashboard's records of the census figures (the org appears among the district's orgs).
    await page.goto(server.url + '/stats/records')
    await page.waitForTimeout(1500)
    await clean(page, '统计明细')

    assert.deepEqual(dialogs, [], 'no dialog may fire')
    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})
