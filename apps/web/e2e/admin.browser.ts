import { expect, test, type Locator, type Page } from '@playwright/test';
import { signIn, watchConsole } from './support';

const ADMIN_PASSWORD = 'admin-password-2026';

/** The form item whose label is `label`, for its field and the error shown next to it. */
const formItem = (page: Page, label: string) =>
  page.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: new RegExp(`^${label}$`) }) });

/** Picks an option of the antd select labelled `label` in `form`, typing `typed` first when given. */
async function choose(page: Page, form: Locator, label: string, text: string | RegExp, typed?: string): Promise<void> {
  const input = form.getByLabel(label, { exact: true });
  await input.click();
  if (typed) await input.fill(typed);
  const list = await input.getAttribute('aria-controls');
  const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${list}"]`) });
  await dropdown.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
  await expect(dropdown).toBeHidden();
}

/** The sign-in page's answer to `username` and `password`: the console's frame, or the error it shows. */
async function tryToSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

test('the administrator creates a teacher account (a short password refused next to its field), disables it, and it cannot sign in', async ({
  page,
  browser,
}) => {
  const username = `teacher.e2e${Date.now() % 1_000_000}`;
  const password = 'teacher-password-2026';
  const errors = watchConsole(page);
  await signIn(page, 'admin', '/accounts', ADMIN_PASSWORD);
  await expect(page.locator('.ant-page-header-heading-title')).toHaveText('账号管理');

  await page.getByRole('button', { name: '新建账号' }).click();
  const dialog = page.getByRole('dialog', { name: '新建账号' });
  // A new account is a teacher's unless another role is picked.
  await expect(dialog.locator('.ant-select').filter({ has: page.locator('#account-create_role') })).toContainText('教师');
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('初始密码').fill('short-pw');
  // The scope follows the role: a teacher's county, then their own record in it.
  await expect(dialog.getByLabel('设区市', { exact: true })).toHaveCount(0);
  await choose(page, dialog, '县（市、区）', '徐州市 丰县', '丰县');
  await choose(page, dialog, '教师档案', 'FX0003004', 'FX0003004');
  await dialog.getByRole('button', { name: /确\s*[定认]/ }).click();
  await expect(formItem(page, '初始密码').locator('.ant-form-item-explain-error')).toContainText('10 characters');
  await expect(dialog).toBeVisible();

  await dialog.getByLabel('初始密码').fill(password);
  await dialog.getByRole('button', { name: /确\s*[定认]/ }).click();
  await expect(dialog).toBeHidden();
  await page.getByLabel('用户名或教师姓名').fill(username);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  const row = page.getByRole('row').filter({ hasText: username });
  await expect(row).toContainText('教师');
  await expect(row).toContainText('丰县');
  await expect(row).toContainText('启用');

  // The teacher signs in with it; once disabled, the same password no longer lets them in.
  const teacher = await (await browser.newContext()).newPage();
  await tryToSignIn(teacher, username, password);
  await expect(teacher.getByRole('button', { name: `账号：${username}` })).toBeVisible();
  await teacher.context().close();

  await row.getByRole('button', { name: `停用 ${username}` }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /停\s*用/ })
    .click();
  await expect(row).toContainText('已停用');
  await expect(row.getByRole('button', { name: `启用 ${username}` })).toBeVisible();

  const refused = await (await browser.newContext()).newPage();
  await tryToSignIn(refused, username, password);
  await expect(refused.getByText('用户名或密码错误')).toBeVisible();
  await expect(refused).toHaveURL(/\/login/);
  await refused.context().close();
  expect(errors).toEqual([]);
});

test('the administrator publishes a policy version (a bad version name refused next to its field) and sees it listed as upcoming', async ({
  page,
}) => {
  const version = `e2e-${Date.now()}`;
  const errors = watchConsole(page);
  await signIn(page, 'admin', '/policy', ADMIN_PASSWORD);
  // The parameters in force, each with its label and unit.
  await expect(page.getByTestId('policy-training.hoursPerCycle')).toHaveText('360 学时');
  await expect(page.getByTestId('policy-training.cycleYears')).toHaveText('5 年');
  await expect(page.getByTestId('policy-rotation.minRotatingShare')).toHaveText('10%');

  await page.getByRole('button', { name: '发布新版本' }).click();
  const drawer = page.getByRole('dialog', { name: '发布新版本' });
  await drawer.getByLabel('版本号').fill('Jiangsu 2190');
  await drawer.getByLabel('名称', { exact: true }).fill('江苏省 2190 年参数调整（测试）');
  // Far ahead, so that no answer of today or of the years other tests ask about changes.
  const day = drawer.getByLabel('生效日期');
  await day.click();
  await day.fill('2190-01-01');
  await day.press('Enter');
  await drawer.getByLabel('每周期培训学时').fill('400');
  await drawer.getByRole('button', { name: /确\s*[定认]/ }).click();
  await expect(formItem(page, '版本号').locator('.ant-form-item-explain-error')).toContainText('lower-case letters');

  await drawer.getByLabel('版本号').fill(version);
  await drawer.getByRole('button', { name: /确\s*[定认]/ }).click();
  await expect(drawer).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: version });
  await expect(row).toContainText('2190-01-01');
  await expect(row).toContainText('待生效');
  // The version in force stays the one it was.
  await expect(page.getByTestId('policy-training.hoursPerCycle')).toHaveText('360 学时');
  expect(errors).toEqual([]);
});

test('the administrator opens the job queue: on a service without Redis the page says there is no dashboard', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, 'admin', '/queue-dashboard', ADMIN_PASSWORD);
  await page.getByRole('button', { name: '打开任务队列面板' }).click();
  await expect(page.getByTestId('queues-unavailable')).toContainText('本部署没有任务队列面板');
  await expect(page.getByRole('button', { name: '打开任务队列面板' })).toBeDisabled();
  expect(errors).toEqual([]);
});
