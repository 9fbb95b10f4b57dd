// The shared pager (web/src/components/TablePager.vue) under a server-paged
// table, driven as a user does: page size, next page, and a size change that
// goes back to page 1 and reloads.
import assert from 'node:assert/strict'

/** Chooses "<n>条/页" in the pager inside `scope`. */
async function pickSize(page, scope, n) {
  await scope.locator('.table-pager .el-pagination__sizes .el-select').click()
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').filter({ hasText: `${n}条/页` }).click()
}

/**
 * Pages through the table inside `scope` (a page or a drawer) whose list
 * request `isList(url)` recognises and whose total is `total` (more than 10):
 * 10 a page, the next page (the rest, page=2), then 20 a page, which asks for
 * page 1 again and shows it. `rows` is the table's body rows.
 */
export async function checkPager(page, scope, { isList, total, rows }) {
  assert.ok(total > 10, `a second page at 10 a page needs more than 10 rows (${total})`)
  const asked = (p, size) =>
    page.waitForResponse((r) => {
      if (!isList(r.url())) return false
      const q = new URL(r.url()).searchParams
      return q.get('page') === String(p) && q.get('size') === String(size)
    })
  const active = () => scope.locator('.table-pager .el-pager li.is-active')
  const shows = async (n) => {
    for (let t = 0; t < 100 && (await rows.count()) !== n; t++) await page.waitForTimeout(100)
    assert.equal(await rows.count(), n)
  }

  let answer = asked(1, 10)
  await pickSize(page, scope, 10)
  assert.equal((await answer).status(), 200)
  await shows(10)

  answer = asked(2, 10)
  await scope.locator('.table-pager .btn-next').click()
  assert.equal((await answer).status(), 200)
  await shows(Math.min(total - 10, 10))
  assert.equal((await active().innerText()).trim(), '2')

  // A size change goes back to page 1 and reloads.
  answer = asked(1, 20)
  await pickSize(page, scope, 20)
  assert.equal((await answer).status(), 200)
  await shows(Math.min(total, 20))
  assert.equal((await active().innerText()).trim(), '1')
}
