// A newcomer's first run, word for word from README.md, in a fresh clone: the run command (`./src/run.sh`, only the
// address added through its pass-through arguments so it cannot collide with another host on this machine), then the
// README's `staff add` command (only the password placeholder filled in), then in Chromium: sign in to /staff, a patient
// on the clinic page types a crisis, the console shows it live, the nurse claims it and replies, and the patient's chat
// shows the reply. The database must be the one the README names, the one the host logged and the one `staff add` named.
//
// The clone is of the repository's committed HEAD (uncommitted changes are not in it), with no bin/ or obj/ and no
// node_modules: the run command builds everything, the Web Chat bundle's `npm ci` included, as it would for a newcomer.
// Only the environment CI-like runs set is added (no telemetry, no first-run banner, npm's cache before the registry).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, repo } from './support/host.mjs';
import { artifacts, launchChromium, screenshot } from './support/browser.mjs';

const readme = readFileSync(join(repo, 'README.md'), 'utf8');

/** The run command: the `command` cell of the "Two commands" table's row that runs the bot. */
function runCommand() {
  const row = readme.split('\n').find((line) => /^\|\s*run the bot\b/.test(line));
  assert.ok(row, 'README.md has no "run the bot" row in its command table');
  const cells = row.split('|').map((cell) => cell.trim()).filter(Boolean);
  const command = /^`([^`]+)`$/.exec(cells.at(-1))?.[1];
  assert.ok(command, `no command in the README's run row: ${row}`);
  const database = /SQLite file `([^`]+)` at the repository root/.exec(row)?.[1];
  assert.ok(database, `the README's run row does not name the database: ${row}`);
  return { command, database };
}

/** The staff command: the line of a ```bash block that runs `staff add`. */
function staffCommand() {
  const blocks = [...readme.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]);
  const line = blocks.flatMap((block) => block.split('\n')).find((l) => l.includes(' staff add '));
  assert.ok(line, 'README.md has no `staff add` command in a bash block');
  assert.ok(line.includes('<password>'), `the README's staff command has no <password> placeholder: ${line}`);
  const email = /--email\s+(\S+)/.exec(line)?.[1];
  const name = /--name\s+"([^"]+)"/.exec(line)?.[1];
  assert.ok(email && name, `the README's staff command names no --email and --name: ${line}`);
  return { line: line.trim(), email, name };
}

// The machine's environment less anything that would point the run elsewhere than the README says it goes.
function newcomerEnvironment() {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) =>
    !/^(Storage__|Clinic__|WebChat__|Llm__|Sms__|Staff__|ASPNETCORE_|DOTNET_ENVIRONMENT$|Urls$|CLINICBOT_)/i.test(key)));
  return {
    ...env,
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
    DOTNET_NOLOGO: '1',
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE: '1',
    // No MSBuild worker nodes left behind after the clone's builds.
    MSBUILDDISABLENODEREUSE: '1',
    npm_config_prefer_offline: 'true',
  };
}

const password = 'Harbor-demo-7 first-run passphrase';
const workDir = mkdtempSync(join(tmpdir(), 'clinicbot-newcomer-'));
const clone = join(workDir, 'clinicbot');
const hostLog = [];
let hostProcess;
let browser;

after(async () => {
  const since = Date.now();
  await browser?.close();
  if (hostProcess && hostProcess.exitCode === null && hostProcess.signalCode === null) {
    const exited = new Promise((r) => hostProcess.once('exit', r));
    // Ctrl+C, as the newcomer would stop it: run.sh execs `dotnet run`, which starts the host as its child, so the
    // signal goes to the whole process group this test started.
    try { process.kill(-hostProcess.pid, 'SIGINT'); } catch { /* already gone */ }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    try { process.kill(-hostProcess.pid, 'SIGKILL'); } catch { /* gone */ }
  }
  const stopped = Date.now();
  writeFileSync(join(artifacts, 'newcomer-host.log'), hostLog.join(''));
  rmSync(workDir, { recursive: true, force: true });
  console.log(`newcomer: host stopped in ${((stopped - since) / 1000).toFixed(0)} s, clone removed in ${((Date.now() - stopped) / 1000).toFixed(0)} s`);
});

test('a newcomer follows the README: run command, staff add, sign in, a crisis arrives live, reply', { timeout: 600_000 }, async (t) => {
  const started = Date.now();
  const phases = [];
  const phase = (name, since) => phases.push(`${name} ${((Date.now() - since) / 1000).toFixed(0)} s`);
  const { command: run, database } = runCommand();
  const staff = staffCommand();
  const env = newcomerEnvironment();

  let since = Date.now();
  execFileSync('git', ['clone', '--quiet', repo, clone], { stdio: 'inherit' });
  phase('clone', since);

  // 1. The run command, as written, from the clone's root; the host listens on a free port of its own.
  since = Date.now();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  hostProcess = spawn('bash', ['-c', `${run} --urls ${url}`], { cwd: clone, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  hostProcess.stdout.on('data', (chunk) => hostLog.push(chunk.toString()));
  hostProcess.stderr.on('data', (chunk) => hostLog.push(chunk.toString()));
  const deadline = Date.now() + 420_000;
  for (;;) {
    if (hostProcess.exitCode !== null) assert.fail(`${run} exited with ${hostProcess.exitCode}:\n${hostLog.join('').slice(-4000)}`);
    assert.ok(Date.now() < deadline, `${run} was not ready within 7 minutes:\n${hostLog.join('').slice(-4000)}`);
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) break;
    } catch {
      // building, or not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  phase('run command until ready (build included)', since);
  const logged = /ClinicBot database: (\S+)/.exec(hostLog.join(''))?.[1];
  assert.equal(logged, join(clone, database), 'the host logs the database the README names');

  // 2. The README's staff command, with a password for its placeholder, from the clone's root.
  since = Date.now();
  const output = execFileSync('bash', ['-c', staff.line.replace('<password>', password)], { cwd: clone, env, encoding: 'utf8' });
  phase('staff add (CLI build included)', since);
  const named = /Staff account created for \S+ in (.+)\.\s*$/m.exec(output)?.[1];
  assert.equal(named, logged, `staff add wrote the database the host uses (it printed: ${output.trim()})`);

  // 3. Sign in to the console.
  since = Date.now();
  browser = await launchChromium();
  const staffContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const console_ = await staffContext.newPage();
  await console_.goto(`${url}/staff`);
  await console_.getByLabel('Email').fill(staff.email);
  await console_.getByLabel('Password').fill(password);
  await console_.getByRole('button', { name: 'Sign in' }).click();
  await console_.getByRole('heading', { name: /Escalations/ }).waitFor({ timeout: 30_000 });

  // 4. A patient on the clinic page, in a second browser context, types a crisis.
  const patientContext = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
  const patient = await patientContext.newPage();
  await patient.goto(`${url}/`);
  const chat = patient.locator('#webchat');
  const welcome = chat.locator('p', { hasText: 'general education, not medical advice' }).first();
  await welcome.waitFor({ timeout: 60_000 });
  assert.doesNotMatch(await welcome.innerText(), /\bthe the\b/i, 'the welcome reads as a clinic\'s would');
  const box = chat.getByRole('textbox');
  await box.fill("I can't do this anymore. I've been thinking about ending my life tonight");
  await box.press('Enter');
  await chat.getByText('988', { exact: false }).first().waitFor({ timeout: 30_000 });

  // 5. The console shows the urgent escalation by itself (server-sent events): no reload.
  const urgentRow = console_.locator('#queue tr', { hasText: 'urgent' }).first();
  await urgentRow.waitFor({ timeout: 15_000 });
  assert.match(await urgentRow.innerText(), /crisis/);
  await screenshot(console_, 'newcomer-staff-queue');

  // 6. Claim and reply; the patient's chat shows the reply.
  await urgentRow.click();
  await console_.locator('#transcript li.patient').first().waitFor();
  await console_.getByRole('button', { name: 'Claim' }).click();
  await console_.locator('#detail-meta', { hasText: 'claimed' }).waitFor();
  await console_.getByLabel(/Reply to the patient/).fill('Hi, this is Joy from the clinic. I am with you right now. Are you somewhere safe?');
  await console_.getByRole('button', { name: 'Send reply' }).click();
  await console_.locator('#detail-status', { hasText: 'Done' }).waitFor();
  await chat.getByText(`${staff.name} from our team has joined`, { exact: false }).first().waitFor({ timeout: 15_000 });
  await chat.getByText('Are you somewhere safe?', { exact: false }).first().waitFor({ timeout: 15_000 });
  await screenshot(patient, 'newcomer-patient-sees-reply');
  phase('browser', since);

  await staffContext.close();
  await patientContext.close();
  t.diagnostic(`${phases.join('; ')}; total ${((Date.now() - started) / 1000).toFixed(0)} s`);
});
