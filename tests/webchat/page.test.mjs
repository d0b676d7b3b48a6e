// The clinic page in a real browser (Debian's Chromium): Microsoft's Web Chat widget bundled by the build, talking to
// ClinicBot's own Direct Line over a WebSocket and, with ?transport=polling, by polling. Screenshots go to artifacts/.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { startHost, clinic } from './support/host.mjs';
import { launchChromium, screenshot } from './support/browser.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const phone = { width: 390, height: 844 };

let host;
let browser;

before(async () => {
  host = await startHost();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

async function openPage({ transport, locale = 'en-US', viewport = phone, bypassCSP = false } = {}) {
  // Only the accessibility check lifts the page's Content-Security-Policy, to inject axe-core.
  const context = await browser.newContext({ viewport, locale, bypassCSP });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  await page.addInitScript(() => {
    // Records whether Web Chat ever showed its typing indicator, however briefly.
    window.__sawTyping = false;
    new MutationObserver(() => {
      if (document.querySelector('.webchat__typing-indicator')) window.__sawTyping = true;
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto(`${host.url}/${transport ? `?transport=${transport}` : ''}`);
  return { context, page, errors };
}

const chat = (page) => page.locator('#webchat');
const welcome = (page) => chat(page).locator('p', { hasText: 'general education, not medical advice' }).first();
const suggestion = (page, title) => chat(page).getByRole('button', { name: title, exact: true }).filter({ visible: true }).first();
const bubbles = (page) => chat(page).locator('.webchat__bubble:not(.webchat__bubble--from-user)');

async function ask(page, text) {
  const box = chat(page).getByRole('textbox');
  await box.fill(text);
  await box.press('Enter');
}

async function conversationId(page) {
  await page.waitForFunction(() => document.getElementById('webchat').dataset.conversationId);
  return page.locator('#webchat').getAttribute('data-conversation-id');
}

for (const transport of ['websocket', 'polling']) {
  describe(`clinic page over ${transport}`, () => {
    test('welcome, suggested questions, an answer with a source link that opens the article', async () => {
      const { context, page, errors } = await openPage({ transport });
      await welcome(page).waitFor();
      for (const title of ['What is ketamine therapy?', 'What happens in a session?', 'Side effects', 'Talk to the team']) {
        await suggestion(page, title).waitFor();
      }
      await screenshot(page, `${transport}-welcome-phone`);

      await suggestion(page, 'What happens in a session?').click();
      const source = chat(page).locator('a[href*="/articles/"]').first();
      await source.waitFor({ timeout: 20_000 });
      assert.match(await bubbles(page).last().innerText(), /not medical advice/);
      if (transport === 'websocket') assert.equal(await page.evaluate(() => window.__sawTyping), true, 'typing indicator shown');
      await source.scrollIntoViewIfNeeded();
      await screenshot(page, `${transport}-answer-phone`);

      const title = (await source.innerText()).replace(/\u200b/g, '').trim();
      const [article] = await Promise.all([context.waitForEvent('page'), source.click()]);
      await article.waitForLoadState();
      assert.match(article.url(), /\/articles\/[a-z0-9-]+$/);
      assert.equal((await article.locator('h1').innerText()).trim(), title);
      await screenshot(article, `${transport}-article`);

      assert.deepEqual(errors, []);
      await context.close();
    });

    test('a crisis message shows 988 and records an urgent escalation', async () => {
      const { context, page } = await openPage({ transport });
      await welcome(page).waitFor();
      await ask(page, "I don't want to be alive anymore");
      const reply = bubbles(page).filter({ hasText: 'glad you reached out' }).last();
      await reply.waitFor({ timeout: 20_000 });
      assert.equal(await reply.getByText('988').first().isVisible(), true);
      await reply.scrollIntoViewIfNeeded();
      await screenshot(page, `${transport}-crisis-phone`);

      const id = await conversationId(page);
      const rows = host.query(`SELECT priority, reason FROM escalations WHERE conversation_id = 'directline:${id}'`);
      assert.deepEqual(rows.map((r) => r.priority), ['urgent']);
      await context.close();
    });

    test('a Spanish-speaking visitor gets the Spanish page and the Spanish handoff template', async () => {
      const { context, page } = await openPage({ transport, locale: 'es-ES' });
      assert.equal(await page.getAttribute('html', 'lang'), 'es');
      await chat(page).locator('p', { hasText: 'no consejo médico' }).first().waitFor();
      await suggestion(page, 'Hablar con el equipo').waitFor();
      await ask(page, 'Quiero hablar con una persona, por favor');
      await bubbles(page).filter({ hasText: 'Le pasaré su mensaje al equipo' }).last().waitFor({ timeout: 20_000 });
      await screenshot(page, `${transport}-spanish-handoff-phone`);

      const id = await conversationId(page);
      assert.deepEqual(host.query(`SELECT priority FROM escalations WHERE conversation_id = 'directline:${id}'`).map((r) => r.priority), ['normal']);
      await context.close();
    });
  });
}

test('the page names the clinic, its phone, hours and address, and the education-not-advice notice', async () => {
  const { context, page } = await openPage({ viewport: { width: 1280, height: 900 } });
  await welcome(page).waitFor();
  const text = await page.locator('body').innerText();
  for (const fact of [clinic.name, clinic.phone, clinic.hours, clinic.address, 'not medical advice', '988']) assert.ok(text.includes(fact), fact);
  assert.equal(await page.getByRole('link', { name: clinic.phone }).getAttribute('href'), 'tel:9165550142');
  await screenshot(page, 'desktop');
  await context.close();
});

test('phone layout: nothing wider than the screen, the message box reachable', async () => {
  const { context, page } = await openPage();
  await welcome(page).waitFor();
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  assert.ok(scrollWidth <= innerWidth, `page is ${scrollWidth}px wide on a ${innerWidth}px screen`);
  const box = chat(page).getByRole('textbox');
  await box.scrollIntoViewIfNeeded();
  assert.equal(await box.isVisible(), true);
  const size = await box.boundingBox();
  assert.ok(size.width >= 200, 'the message box is wide enough to type in');
  await context.close();
});

for (const [name, viewport, locale] of [['phone', phone, 'en-US'], ['desktop', { width: 1280, height: 900 }, 'en-US'], ['phone-es', phone, 'es-ES']]) {
  test(`accessibility (axe-core, WCAG 2.1 A/AA): no violations on the ${name} page with the chat open`, async () => {
    const { context, page } = await openPage({ viewport, locale, bypassCSP: true });
    await chat(page).locator('.webchat__bubble').first().waitFor();
    await page.waitForTimeout(500);
    await page.addScriptTag({ path: axePath });
    const results = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
    const violations = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
    assert.deepEqual(violations, []);
    assert.ok(results.passes.some((p) => p.id === 'color-contrast'), 'contrast was checked');
    await context.close();
  });
}
