import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { checkPage, signIn, visit, watchConsole } from './support';

/** The form item whose label is `label`, for its field and the error shown next to it. */
const formItem = (page: Page, label: string) =>
  page.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: new RegExp(`^${label}$`) }) });

/**
 * Picks an option of an antd select, found by the select's label, typing part of the option's text first when given.
 * The option is looked for in this select's own dropdown (the listbox its input controls): another select's dropdown
 * may still be fading out, visible for a moment and holding an option with the same text, and an option taken from it
 * would never become clickable. The dropdown is closed again before the next step (a multiple select stays open after
 * a pick), so that the next select's dropdown opens alone.
 */
async function choose(page: Page, label: string, text: string | RegExp, typed?: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  if (typed) await input.fill(typed);
  const list = await input.getAttribute('aria-controls');
  expect(list, `the listbox of ${label}`).toBeTruthy();
  const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${list}"]`) });
  await dropdown.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
  if (await page.locator('.ant-select-multiple').filter({ has: input }).count()) await input.press('Escape');
  await expect(input).toHaveAttribute('aria-expanded', 'false');
  await expect(dropdown).toBeHidden();
}

// Pages are scanned by axe in pages.browser.ts; here only what those tours never show: forms (filled, and refused with
// the API's errors next to their fields), decision drawers, and a rotation plan's builder with an assignment and active.
test.describe.configure({ mode: 'serial' });

test('a teacher records training hours, the officer approves them in the workbench drawer, the teacher sees them', async ({ browser }) => {
  const title = `课堂教学能力提升研修 ${Date.now()}`;
  const teacher = await (await browser.newContext()).newPage();
  const errors = watchConsole(teacher);
  await signIn(teacher, 'teacher.fx0001', '/my/training');
  await expect(teacher).toHaveURL(/\/my\/training$/);
  const approvedBefore = Number(await teacher.getByTestId('approved-hours').textContent());

  await teacher.getByRole('button', { name: '登记学时' }).click();
  const dialog = teacher.getByRole('dialog', { name: '登记培训学时' });
  await dialog.getByLabel('培训名称').fill(title);
  await dialog.getByLabel('培训机构').fill('丰县教师发展中心');
  await choose(teacher, '培训类别', '县级培训');
  await dialog.getByLabel('学时').fill('100');
  const period = dialog.locator('.ant-picker-range input');
  await period.nth(0).click();
  await period.nth(0).fill('2026-11-20');
  await period.nth(0).press('Enter');
  await period.nth(1).fill('2026-11-20');
  await period.nth(1).press('Enter');
  await expect(period.nth(1)).toHaveValue('2026-11-20');
  await dialog.getByRole('button', { name: /确\s*[定认]/ }).click();
  // 100 hours in one day: the API refuses the hours, and the console says so next to the field.
  await expect(formItem(teacher, '学时').locator('.ant-form-item-explain-error')).toBeVisible();
  await expect(formItem(teacher, '学时').locator('.ant-form-item-explain-error')).not.toBeEmpty();
  await checkPage(teacher, 'teacher-training-form-error');
  await dialog.getByLabel('学时').fill('6');
  await dialog.getByRole('button', { name: /确\s*[定认]/ }).click();
  await expect(dialog).toBeHidden();
  await expect(teacher.getByRole('row').filter({ hasText: title })).toContainText('待审核');

  const officer = await (await browser.newContext()).newPage();
  await signIn(officer, 'officer.fengxian');
  await officer.getByRole('button', { name: new RegExp(`“${title}”`) }).click();
  const drawer = officer.getByRole('dialog', { name: '审核学时记录' });
  await expect(drawer).toContainText(title);
  await expect(drawer).toContainText('办理记录');
  await checkPage(officer, 'officer-training-drawer');
  // A rejection needs a reason: without one the console says so next to the field and sends nothing.
  await drawer.getByRole('button', { name: '不通过' }).click();
  await drawer.getByRole('button', { name: '确认不通过' }).click();
  await expect(formItem(officer, '不通过理由').locator('.ant-form-item-explain-error')).toHaveText('请填写理由');
  await drawer
    .getByRole('button', { name: /通\s*过/ })
    .first()
    .click();
  await expect(drawer).toBeHidden();
  await expect(officer.getByRole('button', { name: new RegExp(`“${title}”`) })).toHaveCount(0);

  await visit(teacher, '/');
  await expect(teacher.locator('.ant-page-header-heading-title')).toHaveText('工作台');
  await visit(teacher, '/my/training');
  await expect(teacher.getByRole('row').filter({ hasText: title })).toContainText('已通过');
  await expect(teacher.getByTestId('approved-hours')).toHaveText(String(approvedBefore + 6));
  expect(errors).toEqual([]);
});

test('a principal asks for staff citing a flag, the officer approves, the principal is notified', async ({ browser }) => {
  const principal = await (await browser.newContext()).newPage();
  await signIn(principal, 'principal.fx0001', '/staff-requests');
  await principal.getByRole('button', { name: '新建用人申请' }).click();
  const dialog = principal.getByRole('dialog', { name: '新建用人申请' });
  await choose(principal, '依据的缺编预警', '心理健康');
  await choose(principal, '学科', '心理健康', '心理');
  await dialog.getByLabel('人数').fill('1');
  await dialog.getByLabel('需到岗日期').fill('2027-03-15');
  await dialog.getByLabel('需到岗日期').press('Enter');
  await dialog.getByLabel('理由').fill('本校无专职心理健康教育教师，申请补充一名。');
  await checkPage(principal, 'principal-staff-request-form');
  await dialog.getByRole('button', { name: /确\s*[定认]/ }).click();
  await expect(dialog).toBeHidden();
  await expect(principal.getByRole('row').filter({ hasText: '2027-03-15' })).toContainText('待审批');

  const officer = await (await browser.newContext()).newPage();
  await signIn(officer, 'officer.fengxian');
  await officer.getByRole('row').filter({ hasText: '2027-03-15' }).getByRole('button', { name: /审批/ }).click();
  const drawer = officer.getByRole('dialog', { name: '用人申请' });
  await expect(drawer).toContainText('本校无专职心理健康教育教师');
  await expect(drawer).toContainText('提交申请');
  await checkPage(officer, 'officer-staff-request-drawer');
  await drawer
    .getByRole('button', { name: /通\s*过/ })
    .first()
    .click();
  await expect(drawer).toBeHidden();

  await visit(principal, '/notifications');
  await expect(principal.getByText('补充教师申请已批准').first()).toBeVisible();
  await expect(principal.getByTestId('bell')).toBeVisible();
});

test('an officer builds a rotation plan step by step, submits, approves and activates it', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, 'officer.fengxian', '/rotation-plans');
  await page.getByRole('button', { name: '新建交流轮岗计划' }).click();
  const dialog = page.getByRole('dialog', { name: '新建交流轮岗计划' });
  await dialog.getByLabel('计划名称').fill('城乡交流（浏览器测试）');
  await dialog.getByRole('button', { name: /确\s*[定认]/ }).click();
  await expect(page).toHaveURL(/\/rotation-plans\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('rotating')).toContainText(/应交流0 \/ \d+$/);
  await page.getByRole('button', { name: '下一步' }).click();

  await choose(page, '交流人选', /.+/);
  await choose(page, '拟去学校', /乡村/);
  await page.getByRole('button', { name: '加入计划' }).click();
  await expect(page.getByTestId('assignment-effect').first()).not.toBeEmpty();
  await expect(page.getByTestId('rotating')).toContainText(/应交流1 \/ \d+$/);
  await checkPage(page, 'officer-rotation-builder-assigned');
  await page.getByRole('button', { name: '下一步' }).click();

  await page.getByRole('button', { name: '提交审批' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText('已提交');
  await page.getByRole('button', { name: '审批通过' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText('已批准');
  await page.getByRole('button', { name: /实\s*施/ }).click();
  await expect(page.getByTestId('plan-status')).toHaveText('实施中');
  await checkPage(page, 'officer-rotation-active');
  expect(errors).toEqual([]);
});

test('the eligibility list downloads as a CSV with its Chinese headings', async ({ page }) => {
  await signIn(page, 'officer.fengxian', '/eligibility');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^eligibility-320321\.csv$/);
  const text = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
  const headings = text.split(/\r?\n/)[0].split(',');
  expect(headings.slice(0, 5)).toEqual(['工号', '姓名', '职称', '学校', '结论']);
  expect(headings).toContain('最早满足日期');
  expect(text.split(/\r?\n/).filter(Boolean).length).toBeGreaterThan(100);
});

test('an officer checks a schools sheet with a bad row: the error names its row and column, and nothing is imported', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, 'officer.fengxian', '/imports');
  const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载模板：学校基本信息' }).click()]);
  expect(template.suggestedFilename()).toBe('template-schools.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await template.path());
  const sheet = workbook.getWorksheet('学校基本信息');
  expect(sheet, 'the schools sheet').toBeTruthy();
  // A row's cells as text, dates as YYYY-MM-DD.
  const cells = (row: number) => {
    const cellsOfRow = sheet!.getRow(row);
    return Array.from({ length: cellsOfRow.cellCount }, (_, index) => cellsOfRow.getCell(index + 1)).map((cell) =>
      cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : cell.text,
    );
  };
  const headings = cells(1);
  expect(headings.slice(0, 3)).toEqual(['学校代码', '学校名称', '学段']);
  // The template's example row twice, as two new schools: the second in a stage no list knows (row 3 as the sheet shows it).
  const example = cells(2);
  const good = [`BT${Date.now() % 100000}`, '丰县浏览器测试小学', ...example.slice(2)];
  const bad = [`BT${(Date.now() % 100000) + 1}`, '丰县浏览器测试中学', '幼儿园大班', ...example.slice(3)];
  const csv = [headings, good, bad].map((row) => row.join(',')).join('\r\n');

  await choose(page, '导入类型', '学校基本信息');
  await page.locator('#import-upload_file').setInputFiles({ name: '学校.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: '上传并检查' }).click();
  await expect(page.getByTestId('import-status')).toHaveText('检查完成', { timeout: 30_000 });
  await expect(page.getByTestId('import-error-count')).toHaveText('1');
  // The column by its heading in the template.
  const problem = page.getByRole('row').filter({ hasText: 'VALIDATION_FAILED' });
  await expect(problem.getByRole('cell')).toHaveText(['学校基本信息', '3', '学段', /（VALIDATION_FAILED）$/, /.+/]);

  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('commit-error')).toContainText('导入文件有错误，未写入任何数据');
  await expect(page.getByTestId('import-status')).toHaveText('检查完成');
  await checkPage(page, 'officer-imports-errors');
  const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载错误报告' }).click()]);
  expect(report.suggestedFilename()).toBe('import-errors-schools.xlsx');
  expect(errors).toEqual([]);
});

test('an expired session returns to sign-in, and signing in again comes back to the page', async ({ page }) => {
  await signIn(page, 'officer.fengxian', '/schools');
  await expect(page).toHaveURL(/\/schools$/);
  await page.route('**/api/v1/transfers**', (route) =>
    route.fulfill({
      status: 401,
      contentType: 'application/json',
      body: JSON.stringify({ statusCode: 401, code: 'UNAUTHORIZED', message: 'Token expired', details: {} }),
    }),
  );
  await visit(page, '/transfers');
  await expect(page).toHaveURL(/\/login\?next=%2Ftransfers$/);
  await expect(page.getByText('登录已过期，请重新登录')).toBeVisible();
  await page.unroute('**/api/v1/transfers**');
  await page.getByLabel('用户名').fill('officer.fengxian');
  await page.getByLabel('密码').fill('demo-password-2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/transfers$/);
  await expect(page.locator('.ant-page-header-heading-title')).toHaveText('调动');
  // The token never reaches storage a script could read.
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie)).not.toMatch(/eyJ/);
});

test('the language switch persists across reloads', async ({ page }) => {
  await page.goto('/login');
  await page.getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Teacher Staffing Desk' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Teacher Staffing Desk' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByText('中文').click();
  await expect(page.getByRole('heading', { name: '教师编制与交流管理平台' })).toBeVisible();
});

test('a teacher changes their password and signs in with the new one', async ({ page }) => {
  await signIn(page, 'teacher.ly0001', '/password');
  await page.getByLabel('当前密码').fill('wrong-password-0');
  await page.getByLabel('新密码', { exact: true }).fill('new-password-2026');
  await page.getByLabel('确认新密码').fill('new-password-2026');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(formItem(page, '当前密码').locator('.ant-form-item-explain-error')).toHaveText('当前密码不正确');
  await page.getByLabel('当前密码').fill('demo-password-2026');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('用户名').fill('teacher.ly0001');
  await page.getByLabel('密码').fill('new-password-2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByRole('button', { name: '账号：teacher.ly0001' })).toBeVisible();
});
