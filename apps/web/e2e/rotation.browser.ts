import { expect, test, type Page } from '@playwright/test';
import { checkPage, signIn, watchConsole } from './support';

/** Picks an option of an antd select found by its label, typing part of the option's text first when given. */
async function choose(page: Page, label: string, text: string | RegExp, typed?: string): Promise<void> {
  // A required field's name starts with its asterisk.
  const input = page.getByRole('combobox', { name: new RegExp(`^(\\* )?${label}$`) });
  // The select itself is clicked: a chosen value's text lies over its input.
  await page.locator('.ant-select').filter({ has: input }).click();
  if (typed) await input.fill(typed);
  const list = await input.getAttribute('aria-controls');
  expect(list, `the listbox of ${label}`).toBeTruthy();
  const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${list}"]`) });
  await dropdown.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
  await expect(input).toHaveAttribute('aria-expanded', 'false');
  await expect(dropdown).toBeHidden();
}

/** Fills a transfer's date and reason and sends the form. */
async function sendTransfer(page: Page, effectiveDate: string, reason: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: '新建调动' });
  const date = dialog.getByLabel('生效日期');
  await date.click();
  await date.fill(effectiveDate);
  await date.press('Enter');
  await dialog.getByLabel('理由').fill(reason);
  await dialog.getByRole('button', { name: /确\s*[定认]/ }).click();
}

// Teachers of the demo's 丰县 no other test relies on: one of 范楼镇初级中学's due to rotate, another of its teachers,
// and a city-level backbone teacher of 第二初级中学 (outstanding under the anti-poaching rule).
test.describe.configure({ mode: 'serial' });

test('an officer exempts a teacher due to rotate, who moves to the exempt list with the reason', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, 'officer.fengxian', '/rotation-candidates');
  await expect(page.getByTestId('reference-day')).toContainText(/以 \d{4}年9月1日 为基准日/);
  await choose(page, '学校', '丰县范楼镇初级中学', '范楼');
  const row = page.getByRole('row').filter({ hasText: 'FX0020006' });
  await expect(row).toContainText('丰县范楼镇初级中学');
  await row.getByRole('button', { name: /^登记 .+ 免交流$/ }).click();

  const dialog = page.getByRole('dialog', { name: /^登记免交流：/ });
  // 其他 needs a note saying what it is: the API's refusal is shown next to the field.
  await choose(page, '免交流原因', '其他');
  await dialog.getByRole('button', { name: /确\s*[定认]/ }).click();
  await expect(page.locator('#exemption_note_help')).not.toBeEmpty();
  await dialog.getByLabel('说明').fill('配偶长期患病，需照料');
  await dialog.getByRole('button', { name: /确\s*[定认]/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: 'FX0020006' })).toHaveCount(0);

  await page.getByRole('tab', { name: '免交流教师' }).click();
  const exempt = page.getByRole('row').filter({ hasText: 'FX0020006' });
  await expect(exempt).toContainText('其他');
  await expect(exempt).toContainText('配偶长期患病，需照料');
  await expect(exempt.getByRole('button', { name: /^撤销 .+ 的免交流$/ })).toBeVisible();

  // The county's report for the year: the demo's approved plan, in words and by school.
  await page.getByRole('tab', { name: '交流轮岗成效' }).click();
  await expect(page.getByTestId('report-summary')).toContainText(/计入 1 个计划.*共 \d+ 名交流人员/);
  await expect(page.getByTestId('report-summary')).toContainText('全县派出交流教师');
  await expect(page.getByRole('row').filter({ hasText: '丰县城南小学' })).toBeVisible();
  await checkPage(page, 'officer-rotation-report');
  expect(errors).toEqual([]);
});

test('an officer transfers a teacher within the county and sees it executed in the list', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, 'officer.fengxian', '/transfers');
  await page.getByRole('button', { name: '新建调动' }).click();
  await choose(page, '教师', 'FX0020005', 'FX0020005');
  await choose(page, '调入学校', '丰县城西初级中学', '城西');
  await sendTransfer(page, '2027-02-01', '城西初级中学数学教师缺编，调入补充');
  await expect(page.getByRole('dialog', { name: '新建调动' })).toBeHidden();

  await choose(page, '状态', '已办理');
  const row = page.getByRole('row').filter({ hasText: 'FX0020005' });
  await expect(row).toContainText('丰县城西初级中学');
  await expect(row).toContainText('2027-02-01');
  await expect(row).toContainText('已办理');
  expect(errors).toEqual([]);
});

test('a transfer of an outstanding teacher to 苏南 is refused with the rule said next to the form, and kept as blocked', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, 'officer.fengxian', '/transfers');
  await page.getByRole('button', { name: '新建调动' }).click();
  await choose(page, '教师', 'FX0008007', 'FX0008007');
  await choose(page, '调入县（市、区）', '溧阳', '溧阳');
  await choose(page, '调入学校', '溧阳实验小学', '实验');
  await sendTransfer(page, '2027-09-01', '溧阳实验小学拟引进');

  const refusal = page.getByTestId('transfer-refusal');
  await expect(refusal).toContainText('省内发达地区不得从苏北地区抢挖优秀校长和教师');
  await expect(refusal).toContainText('防抢挖规则拦下');
  // Next to the destination: why the rule concerns this teacher.
  await expect(page.locator('#new-transfer_toSchoolId_help')).toContainText('市级骨干');
  await checkPage(page, 'officer-transfer-blocked');
  await page
    .getByRole('dialog', { name: '新建调动' })
    .getByRole('button', { name: /取\s*消/ })
    .click();

  const row = page.getByRole('row').filter({ hasText: 'FX0008007' });
  await expect(row).toContainText('防抢挖规则拦下');
  await expect(row.getByRole('button', { name: /^撤回 .+ 的调动$/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the province administrator grants an exception to the blocked transfer, then withdraws it', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/transfers');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('admin-password-2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.locator('.ant-page-header-heading-title')).toHaveText('调动');

  await choose(page, '状态', '防抢挖规则拦下');
  await page
    .getByRole('row')
    .filter({ hasText: 'FX0008007' })
    .getByRole('button', { name: /^准予 .+ 的调动例外$/ })
    .click();
  const dialog = page.getByRole('dialog', { name: /^准予例外：/ });
  await expect(dialog).toContainText('市级骨干');
  await dialog.getByLabel('例外理由').fill('经省教育厅研究同意，支援溧阳市新建学校');
  await dialog.getByRole('button', { name: /确\s*[定认]/ }).click();
  await expect(dialog).toBeHidden();

  // Across counties it goes on waiting for 溧阳; the administrator may still withdraw it.
  await choose(page, '状态', '待调入县确认');
  const row = page.getByRole('row').filter({ hasText: 'FX0008007' });
  await expect(row).toContainText('待调入县确认');
  await row.getByRole('button', { name: /^撤回 .+ 的调动$/ }).click();
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: /^撤\s*回$/ })
    .click();
  await expect(row).toHaveCount(0);
  await choose(page, '状态', '已撤回');
  await expect(page.getByRole('row').filter({ hasText: 'FX0008007' })).toContainText('已撤回');
  expect(errors).toEqual([]);
});
