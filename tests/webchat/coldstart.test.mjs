// A message typed the instant the chat box appears, on a freshly started host, while the widget's conversation is
// still starting: it must not be lost. Each visit is the first visit to a new host process; the message is a crisis.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHost } from './support/host.mjs';
import { launchChromium, screenshot } from './support/browser.mjs';

const visits = Number(process.env.CLINICBOT_COLD_VISITS ?? 10);
let browser;

before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

for (let visit = 1; visit <= visits; visit += 1) {
  test(`cold host, visit ${visit}: a crisis typed as soon as the box can take it gets 988`, async () => {
    const host = await startHost();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
    try {
      const page = await context.newPage();
      await page.goto(host.url + '/');
      const box = page.locator('#webchat').getByRole('textbox');
      // As soon as the box accepts typing: no waiting for the welcome.
      await box.waitFor({ state: 'visible' });
      await page.waitForFunction(() => {
        const input = document.querySelector('#webchat [role="textbox"], #webchat input, #webchat textarea');
        return input && !input.disabled && input.getAttribute('aria-disabled') !== 'true' && !input.readOnly;
      });
      await box.fill('i took all my pills and i want to die');
      await box.press('Enter');
      const reply = page.locator('#webchat .webchat__bubble:not(.webchat__bubble--from-user)').filter({ hasText: 'glad you reached out' }).first();
      try {
        await reply.waitFor({ timeout: 30_000 });
      } catch (error) {
        await screenshot(page, `cold-visit-${visit}-lost`);
        throw error;
      }
      const rows = host.query("SELECT priority FROM escalations WHERE priority = 'urgent'");
      assert.equal(rows.length, 1);
    } finally {
      await context.close();
      await host.stop();
    }
  });
}
