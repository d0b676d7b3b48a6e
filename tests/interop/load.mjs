// Load generator: concurrent conversations through /api/messages with expectReplies.
//
// Against a running host (a fixed amount of work):
//   node load.mjs [baseUrl=http://127.0.0.1:3978] [conversations=200] [turns=50]
//
// Cold against steady (the host started here, so "cold" is a real first start):
//   node load.mjs --start [--seconds=45] [--conversations=16] [--runs=1] [--dll=path] [--config=Debug] [-- host arguments]
// starts the built host (src/ClinicBot.Host/bin/<config>/net10.0/ClinicBot.Host.dll, as ./src/run.sh runs it after its
// build) on a free port with an empty database in a temporary folder, waits for /readyz, then keeps `conversations`
// conversations busy for `seconds` (each a new conversation every six turns, so a turn costs the same at any time).
// It prints the throughput of the first 5 s after readiness (cold), of the last 10 s (steady), their ratio, and each
// 5 s window; with --runs=N it starts N hosts one after another and prints each run and the medians. Arguments after
// `--` go to the host (e.g. `-- --Warmup:Turns=false` for the start-up without the turn warm-up).
// Few conversations, unlike the fixed-work mode: with 200 at once on 2 cores a turn waits behind ~200 others (p50 of
// seconds even when warm), so the first 5 s would measure that queue, not how fast the fresh process serves.
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const questions = [
  'What are the side effects of ketamine therapy?',
  'What is a ketamine session like?',
  'How does ketamine work for depression?',
  'Is ketamine therapy safe?',
  'how long is a sesh',
  'thanks!',
];

/** One turn; returns its latency in ms, or null when it failed. */
async function turn(baseUrl, conversation, from, text) {
  const activity = {
    type: 'message', id: randomUUID(), channelId: 'webchat', deliveryMode: 'expectReplies', conversation,
    from, recipient: { id: 'clinicbot' }, text,
  };
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/api/messages`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity),
    });
    const body = await response.json();
    const ok = response.status === 200 && body.activities?.[0]?.entities?.some((e) => e.type === 'clinicbot/reply');
    return ok ? performance.now() - started : null;
  } catch {
    return null;
  }
}

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

async function fixedWork(baseUrl, conversations, turns) {
  const latencies = [];
  let failures = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: conversations }, async (_, index) => {
    const conversation = { id: `load-${index}-${randomUUID()}` };
    for (let t = 0; t < turns; t++) {
      const latency = await turn(baseUrl, conversation, { id: `user-${index}` }, questions[(index + t) % questions.length]);
      if (latency === null) failures++;
      else latencies.push(latency);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => percentile(latencies, p).toFixed(1);
  console.log(`${latencies.length} turns (${conversations} conversations x ${turns}) in ${seconds.toFixed(1)} s: ${(latencies.length / seconds).toFixed(0)} turns/s; `
    + `latency p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms; failures ${failures}`);
  return failures;
}

async function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/** Starts the built host on a fresh database; resolves once /readyz answers 200, with the time that took. */
async function startHost(dll, hostArgs) {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  if (!existsSync(dll)) throw new Error(`build the host first (dotnet build src/ClinicBot.Host): ${dll} not found`);
  const dataDir = mkdtempSync(join(tmpdir(), 'clinicbot-load-'));
  const url = `http://127.0.0.1:${await freePort()}`;
  const spawned = performance.now();
  const child = spawn('dotnet', [dll, '--urls', url, `--Storage:SqlitePath=${join(dataDir, 'clinicbot.db')}`,
    // Production requires the key patient text is encrypted under.
    `--Privacy:DataKey=${Buffer.alloc(32, 23).toString('base64')}`, ...hostArgs], {
    cwd: repo,
    env: { ...process.env, Logging__LogLevel__Default: 'Warning', Logging__LogLevel__Microsoft: 'Warning', 'Logging__LogLevel__ClinicBot.Host.Health': process.env.CLINICBOT_WARMUP_LOG ?? 'Information' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`ClinicBot.Host exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) return { url, stop, pid: child.pid, readyAfter: (performance.now() - spawned) / 1000 };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  await stop();
  throw new Error('the host was not ready within 180 s');
}

/** CPU seconds (user + system) the process has used, from /proc (Linux). */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/**
 * Keeps `conversations` conversations busy for `seconds` from now; returns each finished turn's time and latency, and
 * the host's CPU time at each 5 s mark: CPU per turn does not depend on what else the machine runs, throughput does.
 */
async function timedLoad(baseUrl, conversations, seconds, pid) {
  const start = performance.now();
  const end = start + seconds * 1000;
  const done = [];
  const cpu = [cpuSeconds(pid)];
  const sampler = setInterval(() => cpu.push(cpuSeconds(pid)), 5000);
  let failures = 0;
  await Promise.all(Array.from({ length: conversations }, async (_, index) => {
    for (let t = 0; performance.now() < end; t++) {
      const conversation = { id: `load-${index}-${Math.floor(t / questions.length)}-${randomUUID()}` };
      const latency = await turn(baseUrl, conversation, { id: `user-${index}` }, questions[(index + t) % questions.length]);
      const at = (performance.now() - start) / 1000;
      if (latency === null) failures++;
      else if (at <= seconds) done.push({ at, latency });
    }
  }));
  clearInterval(sampler);
  return { done, failures, cpu };
}

function summarize({ done, cpu }, seconds) {
  const count = (from, to) => done.filter((d) => d.at >= from && d.at < to).length;
  const rate = (from, to) => count(from, to) / (to - from);
  // CPU ms per turn over the 5 s windows [from, to): the samples are taken every 5 s from the start.
  const cpuPerTurn = (from, to) => ((cpu[to / 5] - cpu[from / 5]) * 1000) / count(from, to);
  const latencies = (from, to) => done.filter((d) => d.at >= from && d.at < to).map((d) => d.latency).sort((a, b) => a - b);
  const cold = rate(0, 5);
  const steady = rate(seconds - 10, seconds);
  const windows = [];
  for (let from = 0; from + 5 <= seconds; from += 5) windows.push(rate(from, from + 5));
  const steadyFrom = Math.floor((seconds - 10) / 5) * 5;
  const steadyTo = Math.min(steadyFrom + 10, (cpu.length - 1) * 5);
  const coldCpu = cpuPerTurn(0, 5);
  const steadyCpu = cpuPerTurn(steadyFrom, steadyTo);
  return { cold, steady, ratio: cold / steady, windows, coldCpu, steadyCpu, cpuRatio: steadyCpu / coldCpu, coldP50: percentile(latencies(0, 5), 50), steadyP50: percentile(latencies(seconds - 10, seconds), 50) };
}

async function coldAgainstSteady(options, hostArgs) {
  const seconds = Number(options.seconds ?? 45);
  const conversations = Number(options.conversations ?? 16);
  const runs = Number(options.runs ?? 1);
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const dll = resolve(options.dll ?? join(repo, `src/ClinicBot.Host/bin/${options.config ?? 'Debug'}/net10.0/ClinicBot.Host.dll`));
  if (seconds < 20) throw new Error('--seconds must be at least 20 (5 s cold, 10 s steady, apart)');
  console.log(`${dll}${hostArgs.length ? ' ' + hostArgs.join(' ') : ''}: ${runs} start(s), ${conversations} conversations for ${seconds} s each`);
  const results = [];
  let failures = 0;
  for (let run = 1; run <= runs; run++) {
    const host = await startHost(dll, hostArgs);
    try {
      const load = await timedLoad(host.url, conversations, seconds, host.pid);
      failures += load.failures;
      const r = { ...summarize(load, seconds), readyAfter: host.readyAfter };
      results.push(r);
      console.log(`run ${run}: ready ${r.readyAfter.toFixed(1)} s after start; cold (first 5 s) ${r.cold.toFixed(0)} turns/s (p50 ${r.coldP50.toFixed(0)} ms), `
        + `steady (last 10 s) ${r.steady.toFixed(0)} turns/s (p50 ${r.steadyP50.toFixed(0)} ms), cold/steady ${r.ratio.toFixed(2)}; failures ${load.failures}`);
      console.log(`  turns/s per 5 s: ${r.windows.map((w) => w.toFixed(0)).join(' ')}`);
      console.log(`  host CPU per turn: cold ${r.coldCpu.toFixed(1)} ms, steady ${r.steadyCpu.toFixed(1)} ms (steady/cold ${r.cpuRatio.toFixed(2)}: the cold/steady throughput the host would reach with the machine to itself)`);
    } finally {
      await host.stop();
    }
  }
  if (runs > 1) {
    const median = (key) => results.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
    console.log(`median of ${runs}: ready ${median('readyAfter').toFixed(1)} s; cold ${median('cold').toFixed(0)} turns/s, steady ${median('steady').toFixed(0)} turns/s, cold/steady ${median('ratio').toFixed(2)}; `
      + `CPU per turn cold ${median('coldCpu').toFixed(1)} ms, steady ${median('steadyCpu').toFixed(1)} ms, steady/cold ${median('cpuRatio').toFixed(2)}`);
  }
  return failures;
}

const all = process.argv.slice(2);
const split = all.indexOf('--');
const args = split < 0 ? all : all.slice(0, split);
if (args.includes('--start')) {
  const options = Object.fromEntries(args.filter((a) => a.startsWith('--') && a.includes('=')).map((a) => a.slice(2).split(/=(.*)/s).slice(0, 2)));
  process.exitCode = (await coldAgainstSteady(options, split < 0 ? [] : all.slice(split + 1))) ? 1 : 0;
} else {
  const [baseUrl = 'http://127.0.0.1:3978', conversations = '200', turns = '50'] = args;
  process.exitCode = (await fixedWork(baseUrl, Number(conversations), Number(turns))) ? 1 : 0;
}
