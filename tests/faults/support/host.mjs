// Real ClinicBot host processes for the fault suite: the built ClinicBot.Host.dll (Kestrel on 127.0.0.1) over the
// repository's articles and prompts, its SQLite file in a folder of the test's own. A host can be killed with SIGKILL
// and another started on the same folder (the same database, Data Protection keys and Web Chat signing key).
import { spawn, execFileSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import twilio from 'twilio';
// The Web Chat tests' helper (node built-ins only), shared rather than written again.
import { freePort } from '../../webchat/support/host.mjs';

export { freePort };

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const hostDll = process.env.CLINICBOT_HOST_DLL ?? join(repo, 'src/ClinicBot.Host/bin/Debug/net10.0/ClinicBot.Host.dll');
export const cliDll = process.env.CLINICBOT_CLI_DLL ?? join(repo, 'src/ClinicBot.Cli/bin/Debug/net10.0/clinicbot.dll');

/** Twilio's side of the SMS channel: the settings the host is given and the signature Twilio would put on a webhook. */
export const sms = {
  authToken: 'fault-suite-auth-token-0123456789ab',
  account: 'AC00000000000000000000000000000013',
  number: '+15550001313',
  webhookUrl: 'https://bot.clinic.example/api/sms/twilio',
};

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls until the condition returns something truthy (awaited), and returns it. */
export async function until(condition, ms, what) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(100);
  }
}

/** A folder for one scenario's data (database, keys); removed by {@link DataFolder.remove}. */
export class DataFolder {
  constructor(name) {
    this.path = mkdtempSync(join(tmpdir(), `clinicbot-faults-${name}-`));
    this.database = join(this.path, 'clinicbot.db');
  }

  /** Rows of a read-only query against the database (WAL included), via the sqlite3 CLI. */
  query(sql) {
    const out = execFileSync('sqlite3', ['-readonly', '-json', '-cmd', '.timeout 5000', this.database, sql], { encoding: 'utf8' });
    return out.trim() ? JSON.parse(out) : [];
  }

  /** Adds a staff account through the CLI, as a clinic does (the password on standard input). */
  async addStaff({ email, name, password }) {
    const cli = spawn('dotnet', [cliDll, 'staff', 'add', '--email', email, '--name', name], {
      cwd: repo,
      env: { ...process.env, Storage__SqlitePath: this.database },
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    cli.stdin.end(`${password}\n`);
    const code = await new Promise((r) => cli.once('exit', r));
    if (code !== 0) throw new Error(`clinicbot staff add exited with ${code}`);
  }

  remove() {
    rmSync(this.path, { recursive: true, force: true });
  }
}

// A database with the article index already built, made once per test process and copied into each scenario's
// folder, so each start does not rebuild the index.
let template;
function templateDatabase() {
  template ??= (async () => {
    const folder = new DataFolder('template');
    process.once('exit', () => folder.remove());
    const host = await startHost(folder, {}, { fresh: true });
    await host.stop();
    return folder;
  })();
  return template;
}

/**
 * Starts a host on the folder's database. `settings` become --Key=value arguments; SMS is configured (Twilio's
 * settings above, the phone keys) unless `sms: false`. Resolves once /readyz answers 200.
 */
export async function startHost(folder, settings = {}, { fresh = false, port, smsEnabled = true } = {}) {
  if (!existsSync(hostDll)) throw new Error(`build the host first (dotnet build src/ClinicBot.Host): ${hostDll} not found`);
  if (!fresh && !existsSync(folder.database)) {
    const source = await templateDatabase();
    mkdirSync(folder.path, { recursive: true });
    copyFileSync(source.database, folder.database);
  }

  const url = `http://127.0.0.1:${port ?? (await freePort())}`;
  const all = {
    'Storage:SqlitePath': folder.database,
    'Clinic:Name': 'Sacramento Ketamine Clinic',
    'Clinic:Phone': '(916) 555-0142',
    // Production requires the key patient text is encrypted under (the same on every start, as a deployment keeps it).
    'Privacy:DataKey': Buffer.alloc(32, 21).toString('base64'),
    ...(smsEnabled ? {
      'Sms:Twilio:AuthToken': sms.authToken,
      'Sms:Twilio:AccountSid': sms.account,
      'Sms:Twilio:FromNumber': sms.number,
      'Sms:Twilio:WebhookUrl': sms.webhookUrl,
      'Sms:PhoneHashKey': 'fault-suite-phone-hash-key-0123456789abcdef',
      'Sms:PhoneEncryptionKey': Buffer.alloc(32, 13).toString('base64'),
    } : {}),
    ...settings,
  };
  const args = [hostDll, '--urls', url, ...Object.entries(all).map(([k, v]) => `--${k}=${v}`)];
  // The host's console log (errors only) goes to a file in the folder, shown when the host stops on its own.
  folder.starts = (folder.starts ?? 0) + 1;
  const logPath = join(folder.path, `host-${folder.starts}.log`);
  const log = openSync(logPath, 'a');
  const child = spawn('dotnet', args, {
    cwd: repo,
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Production',
      Logging__LogLevel__Default: 'Error',
      Logging__LogLevel__Microsoft: 'Error',
      Logging__Console__FormatterName: 'simple',
    },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise((r) => child.once('exit', r));
  const running = () => child.exitCode === null && child.signalCode === null;
  const started = Date.now();

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (!running()) {
      await exited;
      throw new Error(`ClinicBot.Host exited with ${child.exitCode ?? child.signalCode} while starting:\n${readFileSync(logPath, 'utf8').slice(-4000)}`);
    }
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('ClinicBot.Host was not ready within 120 s');
    }
    await sleep(100);
  }

  return {
    url,
    pid: child.pid,
    /** Milliseconds from spawn to the first 200 from /readyz. */
    startMs: Date.now() - started,
    running,
    /** SIGKILL: the process dies where it stands (nothing flushed, no shutdown); the folder stays. */
    async kill() {
      if (!running()) return;
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!running()) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Posts Twilio's incoming-message webhook, signed as Twilio signs it, for one text. */
export function smsWebhook(url, { sid, from, body }) {
  const form = { MessageSid: sid, SmsSid: sid, AccountSid: sms.account, From: from, To: sms.number, Body: body, NumMedia: '0' };
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    'x-twilio-signature': twilio.getExpectedTwilioSignature(sms.authToken, sms.webhookUrl, form),
  };
  return fetch(`${url}/api/sms/twilio`, { method: 'POST', headers, body: new URLSearchParams(form) });
}

/** The text of the &lt;Message&gt; in a TwiML response, or null for empty TwiML. */
export function twimlMessage(xml) {
  const match = /<Message>([\s\S]*?)<\/Message>/.exec(xml);
  return match ? match[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'") : null;
}

/** A new Message SID, as Twilio makes them (SM and 32 hex digits). */
export function messageSid() {
  return 'SM' + [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A new US number in the 555 range, one per patient. */
let numbers = 0;
export function patientNumber() {
  numbers += 1;
  return `+1916555${String(1000 + ((process.pid * 7 + numbers) % 9000)).padStart(4, '0')}`;
}
