import { expect, test } from '@playwright/test';
import { checkPage, settled, signIn, visit, watchConsole } from './support';

/**
 * Every page of each role: it opens under the content security policy without errors and shows its heading. Each page
 * is scanned by axe and photographed once, as the role that sees the most of it (the same components serve every
 * role): the county officer's pages, and the teacher's own ones and workbench.
 */
const PAGES: Record<string, { path: string; heading: RegExp; scan?: true }[]> = {
  'officer.fengxian': [
    { path: '/', heading: /工作台/, scan: true },
    { path: '/schools', heading: /学校/, scan: true },
    { path: '/quota', heading: /编制管理/, scan: true },
    { path: '/teachers', heading: /教师/, scan: true },
    { path: '/eligibility', heading: /职称资格/, scan: true },
    { path: '/training', heading: /培训学时/, scan: true },
    { path: '/imports', heading: /导入导出/ },
    { path: '/accounts', heading: /账号管理/ },
    { path: '/policy', heading: /政策参数/ },
    { path: '/staff-requests', heading: /用人申请/, scan: true },
    { path: '/rotation-plans', heading: /交流轮岗/, scan: true },
    { path: '/rotation-candidates', heading: /轮岗人选/, scan: true },
    { path: '/transfers', heading: /调动/, scan: true },
    { path: '/shortages', heading: /缺编预警/, scan: true },
    { path: '/notifications', heading: /通知/, scan: true },
    { path: '/password', heading: /修改密码/, scan: true },
  ],
  'principal.fx0001': [
    { path: '/', heading: /工作台/ },
    { path: '/teachers', heading: /教师/ },
    { path: '/training', heading: /培训学时/ },
    { path: '/staff-requests', heading: /用人申请/ },
    { path: '/shortages', heading: /缺编预警/ },
    { path: '/my/training', heading: /我的学时/ },
    { path: '/my/eligibility', heading: /我的资格/ },
    { path: '/my/school', heading: /本校/, scan: true },
  ],
  'teacher.fx0001': [
    { path: '/', heading: /工作台/, scan: true },
    { path: '/my/training', heading: /我的学时/, scan: true },
    { path: '/my/eligibility', heading: /我的资格/, scan: true },
    { path: '/notifications', heading: /通知/ },
  ],
  'city.xuzhou': [
    { path: '/', heading: /工作台/ },
    { path: '/overview', heading: /全市概览/ },
    { path: '/training', heading: /培训学时/ },
    { path: '/shortages', heading: /缺编预警/ },
    { path: '/quota', heading: /编制管理/ },
    { path: '/policy', heading: /政策参数/ },
  ],
  admin: [
    { path: '/', heading: /工作台/ },
    { path: '/overview', heading: /全省概览/, scan: true },
    { path: '/accounts', heading: /账号管理/, scan: true },
    { path: '/policy', heading: /政策参数/, scan: true },
    { path: '/queue-dashboard', heading: /任务队列/, scan: true },
  ],
};

/** The administrator's password is their own (ADMIN_PASSWORD); every demo account has the demo's. */
const PASSWORDS: Record<string, string> = { admin: 'admin-password-2026' };

test('the sign-in page', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login\?next=%2F$/);
  await expect(page.getByRole('heading', { name: '教师编制与交流管理平台' })).toBeVisible();
  await checkPage(page, 'login');
  expect(errors).toEqual([]);
});

for (const [username, pages] of Object.entries(PAGES)) {
  test(`every page of ${username}`, async ({ page }) => {
    // An axe scan of a long table takes seconds on a busy machine: a quarter of a minute a page scanned.
    test.setTimeout(15_000 * (pages.filter((entry) => entry.scan).length + 2));
    const errors = watchConsole(page);
    await signIn(page, username, '/', PASSWORDS[username]);
    for (const { path, heading, scan } of pages) {
      await visit(page, path);
      await expect(page.locator('.ant-page-header-heading-title')).toHaveText(heading);
      if (scan) await checkPage(page, `${username}${path === '/' ? '-workbench' : path.replace(/\//g, '-')}`);
      else await settled(page);
    }
    expect(errors).toEqual([]);
  });
}

test('an officer opens a school from the list: its staffing, classification history, enrolment and open flags', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, 'officer.fengxian', '/schools');
  await page.getByRole('link', { name: '丰县城南小学' }).click();
  await expect(page).toHaveURL(/\/schools\/[0-9a-f-]{36}$/);
  await expect(page.locator('.ant-page-header-heading-title')).toHaveText('丰县城南小学（FX0001）');
  // The standard quota explained part by part, the latest school year's pupils and classes, and the flag of its missing
  // full-time psychology teacher.
  await expect(page.getByTestId('quota-breakdown').locator('li').first()).toContainText('÷');
  await expect(page.getByText(/^\d{4} 学年在校生$/)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '缺专职心理健康教师' })).toBeVisible();
  await checkPage(page, 'officer-school');
  expect(errors).toEqual([]);
});

test('an officer opens a teacher from the list: postings on a timeline, title conditions, training hours', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, 'officer.fengxian', '/teachers');
  const name = page.locator('.ant-table-row').first().getByRole('link');
  const teacher = (await name.textContent()) ?? '';
  await name.click();
  await expect(page).toHaveURL(/\/teachers\/[0-9a-f-]{36}$/);
  await expect(page.locator('.ant-page-header-heading-title')).toHaveText(teacher);
  // Every posting with its school, kind and dates in words; each senior-title rule, met or not, in words.
  await expect(page.getByTestId('postings').locator('.ant-timeline-item').first()).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 – /);
  const rules = page.getByTestId('eligibility-rules').locator('.ant-list-item');
  await expect(rules.filter({ hasText: '乡村或薄弱学校任教经历' })).toContainText(/已满足|未满足/);
  await expect(page.getByTestId('approved-hours')).toHaveText(/^\d+(\.\d+)?$/);
  await checkPage(page, 'officer-teacher');
  expect(errors).toEqual([]);
});
