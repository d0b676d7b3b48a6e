// Starts the real ClinicBot host (the built ClinicBot.Host.dll, Kestrel on 127.0.0.1 and a free port) over the repository's
// articles and prompts, with its own SQLite file in a temporary folder.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const hostDll = process.env.CLINICBOT_HOST_DLL ?? join(repo, 'src/ClinicBot.Host/bin/Debug/net10.0/ClinicBot.Host.dll');

export const clinic = {
  name: 'Sacramento Ketamine Clinic',
  phone: '(916) 555-0142',
  hours: 'Mon–Fri 8 am–5 pm',
  address: '1200 K Street, Sacramento, CA 95814',
};

/** A free loopback port. */
export async function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/** Starts a host; extra settings are passed as --Key=value (a Storage:SqlitePath among them reuses that database). */
export async function startHost(settings = {}) {
  if (!existsSync(hostDll)) throw new Error(`build the host first (dotnet build src/ClinicBot.Host): ${hostDll} not found`);
  const dataDir = mkdtempSync(join(tmpdir(), 'clinicbot-webchat-'));
  const database = settings['Storage:SqlitePath'] ?? join(dataDir, 'clinicbot.db');
  const url = `http://127.0.0.1:${await freePort()}`;
  const all = {
    'Storage:SqlitePath': database,
    'Clinic:Name': clinic.name,
    'Clinic:Phone': clinic.phone,
    'Clinic:Hours': clinic.hours,
    'Clinic:Address': clinic.address,
    // The host runs as Production, which requires the key patient text is encrypted under (the same on every start).
    'Privacy:DataKey': Buffer.alloc(32, 23).toString('base64'),
    ...settings,
  };
  const args = [hostDll, '--urls', url, ...Object.entries(all).map(([k, v]) => `--${k}=${v}`)];
  const process_ = spawn('dotnet', args, {
    cwd: repo,
    env: { ...process.env, Logging__LogLevel__Default: 'Warning', Logging__LogLevel__Microsoft: 'Warning' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // Set once the process is gone (exitCode stays null when a signal ended it).
  const exited = new Promise((r) => process_.once('exit', r));
  const running = () => process_.exitCode === null && process_.signalCode === null;

  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (process_.exitCode !== null) throw new Error(`ClinicBot.Host exited with ${process_.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    url,
    database,
    /** Rows of a read-only query against the host's SQLite file (WAL included), via the sqlite3 CLI. */
    query(sql) {
      const out = execFileSync('sqlite3', ['-readonly', '-json', database, sql], { encoding: 'utf8' });
      return out.trim() ? JSON.parse(out) : [];
    },
    /** SIGKILL: the process dies where it stands (no shutdown, nothing flushed); the data folder stays. */
    async kill() {
      if (!running()) return;
      process_.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (running()) {
        process_.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new local Direct Line conversation token, as the page gets it. */
export async function webChatToken(url) {
  const response = await fetch(`${url}/api/webchat/token`, { method: 'POST' });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  return response.json();
}
