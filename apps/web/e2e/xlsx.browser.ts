import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { signIn, watchConsole } from './support';

/** Picks an option of an antd select found by its label (see workflows.browser.ts). */
async function choose(page: Page, label: string, option: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  const list = await input.getAttribute('aria-controls');
  const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${list}"]`) });
  await dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  await expect(dropdown).toBeHidden();
}

test('the eligibility list downloads as an Excel workbook with its Chinese headings and the filters of the table', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, 'officer.fengxian', '/eligibility');
  await choose(page, '状态', '已具备高级职称');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toContainText('已具备高级职称');
  await expect(rows.filter({ hasNotText: '已具备高级职称' })).toHaveCount(0);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Excel' }).click()]);
  expect(download.suggestedFilename()).toBe('eligibility-320321.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.getWorksheet('职称申报资格');
  expect(sheet, 'the sheet 职称申报资格').toBeTruthy();
  const values = (row: number) => (sheet!.getRow(row).values as unknown[]).slice(1);
  const headings = values(1);
  expect(headings.slice(0, 5)).toEqual(['工号', '姓名', '职称', '学校', '结论']);
  expect(headings).toContain('最早满足日期');
  // Every teacher the filter keeps, not one page, and only those.
  const teachers = Array.from({ length: sheet!.rowCount - 1 }, (_, index) => values(index + 2));
  expect(teachers.length).toBeGreaterThan(0);
  expect(new Set(teachers.map((cells) => cells[4]))).toEqual(new Set(['已具备高级职称']));
  const shown = await rows.locator('td').nth(1).textContent();
  expect(teachers.map((cells) => cells[1])).toContain(shown);
  expect(errors).toEqual([]);
});
