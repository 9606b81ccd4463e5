import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const PASSWORD = 'demo-password-2026';
const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-results', 'screenshots');

/** Signs in on the sign-in page and waits for the console's frame (the demo's password unless given: the administrator's differs). */
export async function signIn(page: Page, username: string, path = '/', password = PASSWORD): Promise<void> {
  await page.goto(path);
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByRole('button', { name: `账号：${username}` })).toBeVisible();
}

/** The page at rest: its requests answered, nothing loading, no toast showing, no transition or animation under way. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  // A button still loading is drawn faded on purpose, and so is one the pointer rests on: scan the page at rest.
  await expect(page.locator('.ant-btn-loading')).toHaveCount(0);
  // Toasts fade in and out (axe would catch them half transparent); they say nothing the page does not.
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await page.mouse.move(0, 0);
  // Colours are read as they end up: every transition and animation that ends has ended (a spinner's never does).
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity),
  );
}

/**
 * The page as it stands: no serious or critical accessibility violation (axe, WCAG 2 A and AA), and a screenshot at
 * 1440×900 under test-results/screenshots (not committed).
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await settled(page);
  // The console has no frames: axe runs in the page alone (no blank page opened to gather the frames' results).
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode().analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    }));
  expect(blocking, `accessibility violations on ${name}`).toEqual([]);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/**
 * Every error the page logs, content security policy violations included, for a test to require none. A 4xx answer
 * of the API the console handles (a refused form shown next to its fields) is logged by the browser too, and left out.
 */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text()))
      errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Goes to a page of the console inside the signed-in app (a reload would end the in-memory session). */
export async function visit(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await expect(page).toHaveURL((url) => url.pathname === path);
}
