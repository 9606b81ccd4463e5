import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { signIn, visit, watchConsole } from './support';

/** Signs in through the API, for a test to make its own data; answers a caller of the API with the account's ids. */
async function caller(request: APIRequestContext, username: string) {
  const login = await request.post('/api/v1/auth/login', { data: { username, password: 'demo-password-2026' } });
  expect(login.status()).toBe(200);
  const { accessToken, user } = (await login.json()) as { accessToken: string; user: { countyId?: string; schoolId?: string; teacherId?: string } };
  const headers = { authorization: `Bearer ${accessToken}` };
  const send = async (method: 'get' | 'post', path: string, data?: unknown) => {
    const response = await request[method](`/api/v1${path}`, { headers, data });
    expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
    return (await response.json()) as Record<string, unknown> & { id: string };
  };
  return { user, get: (path: string) => send('get', path), post: (path: string, data: unknown = {}) => send('post', path, data) };
}

/**
 * Picks an option of an antd select found by its label (inside `scope`), typing into it first when given: the option
 * is looked for in this select's own dropdown.
 */
async function choose(page: Page, scope: Page | Locator, label: string, text: string, typed?: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await page.locator('.ant-select').filter({ has: input }).click();
  if (typed) await input.fill(typed);
  const list = await input.getAttribute('aria-controls');
  const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${list}"]`) });
  await dropdown.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
  await expect(dropdown).toBeHidden();
}

const unique = () => `${Date.now()}`.slice(-7);

test.describe.configure({ mode: 'serial' });

test('an officer reverses an approved training record with a reason, and the teacher’s approved hours drop', async ({ browser, request }) => {
  const title = `乡村教师信息技术应用研修 ${unique()}`;
  const teacherApi = await caller(request, 'teacher.fx0001');
  const officerApi = await caller(request, 'officer.fengxian');
  const teacherId = teacherApi.user.teacherId ?? '';
  const record = await teacherApi.post(`/teachers/${teacherId}/training-records`, {
    title,
    provider: '丰县教师发展中心',
    category: 'COUNTY',
    hours: 4,
    startDate: '2026-11-18',
    endDate: '2026-11-18',
  });
  await officerApi.post(`/training-records/${record.id}/approve`);
  const staffNo = (await officerApi.get(`/teachers/${teacherId}`)).staffNo as string;

  const teacher = await (await browser.newContext()).newPage();
  await signIn(teacher, 'teacher.fx0001', '/my/training');
  await expect(teacher.getByRole('row').filter({ hasText: title })).toContainText('已通过');
  const approvedBefore = Number(await teacher.getByTestId('approved-hours').textContent());

  const officer = await (await browser.newContext()).newPage();
  const errors = watchConsole(officer);
  await signIn(officer, 'officer.fengxian', '/training');
  await choose(officer, officer, '显示', '已通过');
  await choose(officer, officer, '教师', staffNo, staffNo);
  await officer.getByRole('button', { name: new RegExp(`“${title}”`) }).click();
  const drawer = officer.getByRole('dialog', { name: '审核学时记录' });
  await expect(drawer).toContainText(title);
  // A reversal needs its reason, as a rejection does.
  await drawer.getByRole('button', { name: '撤销认定' }).click();
  await drawer.getByRole('button', { name: '确认撤销' }).click();
  await expect(drawer.getByText('请填写理由')).toBeVisible();
  await drawer.getByLabel('撤销理由').fill('证书与登记学时不符，重复登记');
  await drawer.getByRole('button', { name: '确认撤销' }).click();
  await expect(drawer).toBeHidden();
  // The list shows the record reversed, and the negative entry beside it.
  await expect(officer.getByRole('row').filter({ hasText: title }).filter({ hasText: '已撤销' })).toBeVisible();
  await expect(officer.getByRole('row').filter({ hasText: title }).filter({ hasText: '撤销冲减' })).toContainText('-4');

  await visit(teacher, '/');
  await expect(teacher.locator('.ant-page-header-heading-title')).toHaveText('工作台');
  await visit(teacher, '/my/training');
  await expect(teacher.getByTestId('approved-hours')).toHaveText(String(approvedBefore - 4));
  expect(errors).toEqual([]);
});

test('an officer records the teacher who fills an approved staff request, and the principal sees it filled', async ({ browser, request }) => {
  const n = unique();
  const neededFrom = `2028-0${(Number(n) % 9) + 1}-${String((Number(n) % 27) + 1).padStart(2, '0')}`;
  const principalApi = await caller(request, 'principal.fx0001');
  const officerApi = await caller(request, 'officer.fengxian');
  const schoolId = principalApi.user.schoolId ?? '';
  const asked = await principalApi.post(`/schools/${schoolId}/staff-requests`, {
    subject: 'FINE_ARTS',
    headcount: 1,
    neededFrom,
    reason: `本校美术课由其他学科教师兼任，申请补充一名美术教师（${n}）`,
  });
  await officerApi.post(`/staff-requests/${asked.id}/decision`, { decision: 'APPROVE' });
  const hire = await officerApi.post('/teachers', {
    countyId: officerApi.user.countyId,
    staffNo: `FXE${n}`,
    name: `美术新教师${n}`,
    gender: 'FEMALE',
    birthDate: '1999-05-01',
    hireDate: '2026-11-01',
    onQuota: true,
    subject: 'FINE_ARTS',
    title: { level: 'NONE', since: null },
    backbone: 'NONE',
    psychology: 'NONE',
    post: 'TEACHER',
  });
  await officerApi.post(`/teachers/${hire.id}/postings`, { kind: 'REGULAR', schoolId, startDate: neededFrom, fraction: 1 });

  const officer = await (await browser.newContext()).newPage();
  const errors = watchConsole(officer);
  await signIn(officer, 'officer.fengxian', '/staff-requests');
  await officer.getByRole('row').filter({ hasText: neededFrom }).getByRole('button').click();
  const drawer = officer.getByRole('dialog', { name: '用人申请' });
  await expect(drawer.getByTestId('fulfilment-cover')).toHaveText('已到岗 0 人 / 申请 1 人');
  const pick = drawer.getByLabel('到岗教师');
  await pick.click();
  await pick.fill(`FXE${n}`);
  await officer
    .locator('.ant-select-item-option')
    .filter({ hasText: `FXE${n}` })
    .click();
  await drawer.getByLabel('任教经历').click();
  await officer.locator('.ant-select-item-option').filter({ hasText: neededFrom }).click();
  await drawer.getByRole('button', { name: '登记到岗' }).click();
  await expect(drawer.getByTestId('fulfilment-cover')).toHaveText('已到岗 1 人 / 申请 1 人');
  await expect(drawer.getByRole('row').filter({ hasText: `美术新教师${n}` })).toBeVisible();
  await expect(drawer.getByRole('button', { name: '登记到岗' })).toHaveCount(0);
  expect(errors).toEqual([]);

  const principal = await (await browser.newContext()).newPage();
  await signIn(principal, 'principal.fx0001', '/staff-requests');
  await principal.getByRole('row').filter({ hasText: neededFrom }).getByRole('button').click();
  const theirs = principal.getByRole('dialog', { name: '用人申请' });
  await expect(theirs.getByRole('row').filter({ hasText: `美术新教师${n}` })).toBeVisible();
  await expect(theirs.getByTestId('fulfilment-cover')).toHaveText('已到岗 1 人 / 申请 1 人');
});

test('the county officer reads the training report, the city officer each county’s completion', async ({ browser }) => {
  const officer = await (await browser.newContext()).newPage();
  const errors = watchConsole(officer);
  await signIn(officer, 'officer.fengxian', '/training');
  await officer.getByRole('tab', { name: '县域报表' }).click();
  await expect(officer.getByText(/^进度按 \d{4}-\d{2}-\d{2} 计算$/)).toBeVisible();
  await expect(officer.getByTestId('completion-rate').getByText('完成率', { exact: true })).toBeVisible();
  await expect(officer.getByRole('row').filter({ hasText: '校本研修' })).toBeVisible();
  await expect(officer.getByRole('img', { name: /各校学时达标率的条形图/ })).toBeVisible();
  // Each school where teachers owing hours work: owing, complete, the rate in per cent, behind.
  const bySchool = officer.locator('.ant-pro-card').filter({ has: officer.getByText('各校学时达标率', { exact: true }) });
  await expect(
    bySchool
      .getByRole('row')
      .filter({ hasText: /丰县.*学.*\d+\.\d%/ })
      .first(),
  ).toBeVisible();
  await expect(
    officer
      .getByRole('row')
      .filter({ hasText: /丰县.*学/ })
      .first(),
  ).toBeVisible();
  // The same chart beside the open flags on the shortage summary.
  await visit(officer, '/shortages');
  await expect(officer.getByRole('img', { name: /各校学时达标率的条形图/ })).toBeVisible();
  expect(errors).toEqual([]);

  const city = await (await browser.newContext()).newPage();
  await signIn(city, 'city.xuzhou', '/training');
  await expect(city.getByRole('row').filter({ hasText: '丰县' })).toContainText('%');
  await expect(city.getByRole('tab')).toHaveCount(0);
});
