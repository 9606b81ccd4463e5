import { expect, test, type Locator, type Page } from '@playwright/test';
import { signIn } from './support';

/** Presses Tab until `target` has the focus (at most `limit` times), and says whether it got there. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return true;
    await page.keyboard.press('Tab');
  }
  return target.evaluate((element) => element === document.activeElement);
}

/** Whether the focus is inside `container`. */
const focusInside = (container: Locator) => container.evaluate((element) => element.contains(document.activeElement));

test.describe.configure({ mode: 'serial' });

test('a training record’s drawer works by keyboard: Enter opens it, Tab reaches its actions, Escape closes it and focus returns', async ({
  page,
  request,
}) => {
  const title = `心理健康教育专题培训 ${Date.now()}`;
  const login = await request.post('/api/v1/auth/login', { data: { username: 'teacher.fx0001', password: 'demo-password-2026' } });
  const { accessToken, user } = (await login.json()) as { accessToken: string; user: { teacherId: string } };
  const submitted = await request.post(`/api/v1/teachers/${user.teacherId}/training-records`, {
    headers: { authorization: `Bearer ${accessToken}` },
    data: { title, provider: '丰县教师发展中心', category: 'COUNTY', hours: 3, startDate: '2026-11-19', endDate: '2026-11-19' },
  });
  expect(submitted.status()).toBe(201);

  await signIn(page, 'officer.fengxian');
  const opener = page.getByRole('button', { name: new RegExp(`“${title}”`) });
  await opener.focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: '审核学时记录' });
  await expect(drawer).toContainText(title);
  await expect.poll(() => focusInside(drawer)).toBe(true);
  expect(await tabTo(page, drawer.getByRole('button', { name: /通\s*过/ }).first())).toBe(true);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(opener).toBeFocused();
});

test('the teacher’s form to record training works by keyboard: Enter opens it, Tab reaches its buttons, Escape closes it and focus returns', async ({
  page,
}) => {
  await signIn(page, 'teacher.fx0001', '/my/training');
  const opener = page.getByRole('button', { name: '登记学时' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '登记培训学时' });
  await expect(dialog).toBeVisible();
  await expect.poll(() => focusInside(dialog)).toBe(true);
  await page.keyboard.type('键盘登记');
  await expect(dialog.getByLabel('培训名称')).toHaveValue('键盘登记');
  expect(await tabTo(page, dialog.getByRole('button', { name: /确\s*[定认]/ }))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});
