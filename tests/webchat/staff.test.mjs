// Issue 6 end to end in a real browser: a patient on the clinic page (one browser context) sends a crisis message; a
// signed-in staff member in a second context sees it appear in the console without reloading, opens it, claims it and
// replies; the patient sees the join notice and the reply in Web Chat; resolving hands the conversation back to the bot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startHost, repo } from './support/host.mjs';
import { launchChromium, screenshot } from './support/browser.mjs';

const cliDll = process.env.CLINICBOT_CLI_DLL ?? join(repo, 'src/ClinicBot.Cli/bin/Debug/net10.0/clinicbot.dll');
const staff = { email: 'nurse.joy@clinic.example', name: 'Nurse Joy', password: 'correct horse battery staple' };

let host;
let browser;

before(async () => {
  host = await startHost();
  // Accounts exist only through the CLI (password on standard input); there are no default credentials.
  execFileSync('dotnet', [cliDll, 'staff', 'add', '--email', staff.email, '--name', staff.name], {
    cwd: repo,
    input: `${staff.password}\n`,
    env: { ...process.env, Storage__SqlitePath: host.database },
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

test('staff see a crisis live, claim it, reply into the patient\'s Web Chat, and hand back to the bot', async () => {
  const staffContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const console_ = await staffContext.newPage();
  await console_.goto(`${host.url}/staff`);
  await console_.getByLabel('Email').fill(staff.email);
  await console_.getByLabel('Password').fill(staff.password);
  await console_.getByRole('button', { name: 'Sign in' }).click();
  await console_.getByRole('heading', { name: /Escalations/ }).waitFor();
  const rowsBefore = await console_.locator('#queue tr').count();

  const patientContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const patient = await patientContext.newPage();
  await patient.goto(host.url);
  const chat = patient.locator('#webchat');
  await chat.locator('p', { hasText: 'general education, not medical advice' }).first().waitFor({ timeout: 60_000 });
  const box = chat.getByRole('textbox');
  await box.fill("honestly everyone would be better off without me. i don't want to be here anymore");
  await box.press('Enter');
  await chat.getByText('988', { exact: false }).first().waitFor({ timeout: 30_000 });

  // The console updates by itself (server-sent events): no reload between these two lines.
  const urgentRow = console_.locator('#queue tr', { hasText: 'urgent' }).first();
  await urgentRow.waitFor({ timeout: 15_000 });
  assert.ok((await console_.locator('#queue tr').count()) > rowsBefore);
  assert.match(await urgentRow.innerText(), /crisis/);
  await screenshot(console_, 'staff-queue-live');

  await urgentRow.click();
  await console_.locator('#transcript li.patient').first().waitFor();
  assert.match(await console_.locator('#transcript').innerText(), /route crisis/);
  await console_.getByRole('button', { name: 'Claim' }).click();
  await console_.locator('#detail-meta', { hasText: 'claimed' }).waitFor();
  await console_.getByLabel(/Reply to the patient/).fill('Hi, this is Joy from the clinic. I am here with you. Are you safe right now?');
  await console_.getByRole('button', { name: 'Send reply' }).click();
  await console_.locator('#detail-status', { hasText: 'Done' }).waitFor();

  await chat.getByText('Nurse Joy from our team has joined', { exact: false }).first().waitFor({ timeout: 15_000 });
  await chat.getByText('Are you safe right now?', { exact: false }).first().waitFor({ timeout: 15_000 });
  await screenshot(patient, 'patient-sees-staff-reply');

  await console_.getByRole('button', { name: /Resolve/ }).click();
  await console_.locator('#detail-meta', { hasText: 'resolved' }).waitFor();
  await chat.getByText('left the conversation', { exact: false }).first().waitFor({ timeout: 15_000 });

  // Back with the bot: it answers again, and because this conversation showed crisis content it keeps the resources.
  const botMessagesBefore = await chat.locator('.webchat__bubble:not(.webchat__bubble--from-user)').count();
  await box.fill('thank you');
  await box.press('Enter');
  await patient.waitForFunction(
    (count) => document.querySelectorAll('#webchat .webchat__bubble:not(.webchat__bubble--from-user)').length > count,
    botMessagesBefore, { timeout: 30_000 });
  const last = chat.locator('.webchat__bubble:not(.webchat__bubble--from-user)').last();
  assert.match(await last.innerText(), /988/);
  await screenshot(patient, 'patient-after-handback');

  const audit = host.query("SELECT action FROM audit_log WHERE escalation_id IS NOT NULL ORDER BY seq").map((r) => r.action);
  assert.deepEqual(audit.filter((a) => a !== 'viewed'), ['claimed', 'replied', 'resolved']);
  await staffContext.close();
  await patientContext.close();
});
