import { expect, test } from '@playwright/test';
import { checkPage, signIn, visit, watchConsole } from './support';

/** Every page of each role: it opens under the content security policy without errors, passes the axe scan, and is photographed. */
const PAGES: Record<string, { path: string; heading: RegExp }[]> = {
  'officer.fengxian': [
    { path: '/', heading: /工作台/ },
    { path: '/schools', heading: /学校/ },
    { path: '/teachers', heading: /教师/ },
    { path: '/eligibility', heading: /职称资格/ },
    { path: '/staff-requests', heading: /用人申请/ },
    { path: '/rotation-plans', heading: /交流轮岗/ },
    { path: '/transfers', heading: /调动/ },
    { path: '/shortages', heading: /缺编预警/ },
    { path: '/notifications', heading: /通知/ },
    { path: '/password', heading: /修改密码/ },
  ],
  'principal.fx0001': [
    { path: '/', heading: /工作台/ },
    { path: '/teachers', heading: /教师/ },
    { path: '/staff-requests', heading: /用人申请/ },
    { path: '/shortages', heading: /缺编预警/ },
    { path: '/my/training', heading: /我的学时/ },
    { path: '/my/eligibility', heading: /我的资格/ },
  ],
  'teacher.fx0001': [
    { path: '/', heading: /工作台/ },
    { path: '/my/training', heading: /我的学时/ },
    { path: '/my/eligibility', heading: /我的资格/ },
    { path: '/notifications', heading: /通知/ },
  ],
  'city.xuzhou': [
    { path: '/', heading: /工作台/ },
    { path: '/shortages', heading: /缺编预警/ },
  ],
};

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
    // An axe scan of a long table takes seconds on a busy machine: half a minute a page.
    test.setTimeout(30_000 * (pages.length + 1));
    const errors = watchConsole(page);
    await signIn(page, username);
    for (const { path, heading } of pages) {
      await visit(page, path);
      await expect(page.locator('.ant-page-header-heading-title')).toHaveText(heading);
      await checkPage(page, `${username}${path === '/' ? '-workbench' : path.replace(/\//g, '-')}`);
    }
    expect(errors).toEqual([]);
  });
}
