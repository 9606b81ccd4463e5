import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { checkPage, signIn, watchConsole } from './support';

/** A figure as the page shows it (antd's statistics group thousands with commas). */
async function figure(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(testId).locator('.ant-statistic-content-value').textContent();
  return Number((text ?? '').replace(/,/g, ''));
}

/** The form item whose label is `label`, for its field and the error shown next to it. */
const formItem = (page: Page, label: string) =>
  page.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: new RegExp(`^${label}$`) }) });

/** Picks an option of an antd select found by its label, typing part of the option's text first (see workflows.browser.ts). */
async function choose(page: Page, label: string, typed: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(typed);
  const list = await input.getAttribute('aria-controls');
  const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${list}"]`) });
  await dropdown.locator('.ant-select-item-option').filter({ hasText: typed }).first().click();
  await expect(input).toHaveAttribute('aria-expanded', 'false');
  await expect(dropdown).toBeHidden();
}

// Schools no other file's tests look at.
const CODE = 'FX0004';
const OTHER = 'FX0006';
/** The allocation column of the schools' table (code, school, stage, location, pupils, standard, allocated …). */
const ALLOCATED = 6;

test('an officer allocates beyond the county’s pool and is told so next to the field, then allocates within it', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, 'officer.fengxian', '/quota');
  await expect(page.locator('.ant-page-header-heading-title')).toHaveText('编制管理');
  const row = page.getByRole('row').filter({ hasText: CODE });
  await expect(row).toBeVisible();
  const unallocated = await figure(page, 'pool-unallocated');
  const allocated = Number(await row.getByRole('cell').nth(ALLOCATED).textContent());
  expect(unallocated).toBeGreaterThan(0);

  await row.getByRole('button', { name: /^调整 .+ 的分配编制$/ }).click();
  const dialog = page.getByRole('dialog', { name: /学年分配编制$/ });
  await expect(dialog.getByLabel('分配编制')).toHaveValue(String(allocated));
  // One post more than the county has left: the API refuses with QUOTA_POOL_EXCEEDED, shown by its Chinese label.
  await dialog.getByLabel('分配编制').fill(String(allocated + unallocated + 1));
  await dialog.getByRole('button', { name: /确\s*[定认]/ }).click();
  const explain = formItem(page, '分配编制').locator('.ant-form-item-explain-error');
  await expect(explain.first()).toHaveText('各校分配的编制合计将超过本县该年度的核定编制总数');
  await expect(explain.nth(1)).toHaveText(`本校最多可分配 ${allocated + unallocated} 个`);
  await checkPage(page, 'officer-quota-allocation-refused');

  await dialog.getByLabel('分配编制').fill(String(allocated + 1));
  await dialog.getByLabel('理由或依据文件').fill('新增教学班');
  await dialog.getByRole('button', { name: /确\s*[定认]/ }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole('cell').nth(ALLOCATED)).toHaveText(String(allocated + 1));
  await expect.poll(() => figure(page, 'pool-unallocated')).toBe(unallocated - 1);
  expect(errors).toEqual([]);
});

test('the county’s staffing report downloads as an Excel workbook with its Chinese headings and a totals row', async ({ page }) => {
  await signIn(page, 'officer.fengxian', '/quota');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载编制报表（Excel）' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^staffing-320321-\d{4}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.getWorksheet('编制情况');
  expect(sheet, 'the staffing sheet').toBeTruthy();
  const headings = (sheet!.getRow(1).values as unknown[]).slice(1);
  expect(headings).toEqual([
    '学校代码',
    '学校名称',
    '学段',
    '城乡类别',
    '在校学生数',
    '标准编制',
    '分配编制',
    '在编在岗人数（折算）',
    '空编（+）/超编（−）',
    '编制状态',
    '未解决缺员预警',
  ]);
  // One row a school, by code, then the totals.
  expect(sheet!.getRow(2).getCell(1).text).toBe('FX0001');
  const totals = sheet!.getRow(sheet!.rowCount);
  expect(totals.getCell(1).text).toBe('合计');
  expect(totals.getCell(2).text).toBe(`共 ${sheet!.rowCount - 2} 所学校`);
  expect(workbook.getWorksheet('编制池'), 'the pool sheet').toBeTruthy();
});

test('an officer moves a post between two schools: one gives it, the other receives it, the pool is unchanged', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, 'officer.fengxian', '/quota');
  const from = page.getByRole('row').filter({ hasText: OTHER });
  const to = page.getByRole('row').filter({ hasText: CODE });
  await expect(from).toBeVisible();
  const giving = Number(await from.getByRole('cell').nth(ALLOCATED).textContent());
  const receiving = Number(await to.getByRole('cell').nth(ALLOCATED).textContent());
  const unallocated = await figure(page, 'pool-unallocated');

  await page.getByRole('button', { name: '编制调剂' }).click();
  const dialog = page.getByRole('dialog', { name: /学年校际编制调剂$/ });
  await choose(page, '调出学校', OTHER);
  await choose(page, '调入学校', CODE);
  // More than the school giving holds: refused next to the amount.
  await dialog.getByLabel('调剂编制数').fill(String(giving + 1));
  await dialog.getByLabel('理由或依据文件').fill('学生向镇区学校集中，调剂一个编制');
  await dialog.getByRole('button', { name: /确\s*[定认]/ }).click();
  await expect(formItem(page, '调剂编制数').locator('.ant-form-item-explain-error')).toHaveText('调出学校该年度的分配编制不足以调出这么多');
  await dialog.getByLabel('调剂编制数').fill('1');
  await dialog.getByRole('button', { name: /确\s*[定认]/ }).click();
  await expect(dialog).toBeHidden();
  await expect(from.getByRole('cell').nth(ALLOCATED)).toHaveText(String(giving - 1));
  await expect(to.getByRole('cell').nth(ALLOCATED)).toHaveText(String(receiving + 1));
  expect(await figure(page, 'pool-unallocated')).toBe(unallocated);
  expect(errors).toEqual([]);
});

test('a city officer reads the staffing of the city’s counties, without the county officers’ buttons', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, 'city.xuzhou', '/quota');
  await expect(page.getByText(/^本市各县（市、区）\d{4} 学年编制情况$/)).toBeVisible();
  const fengxian = page.getByRole('row').filter({ hasText: '丰县' });
  await expect(fengxian.getByRole('cell').nth(3)).toHaveText(/^\d+$/);
  await expect(page.getByRole('row').filter({ hasText: '合计' })).toBeVisible();
  await expect(page.getByRole('button', { name: '编制调剂' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '录入核定总数' })).toHaveCount(0);
  expect(errors).toEqual([]);
});
