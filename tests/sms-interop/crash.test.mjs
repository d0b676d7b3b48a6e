// A real crash in the middle of an SMS turn: the host is killed with SIGKILL while the turn waits on a (hanging) LLM,
// then started again on the same database. The text was in the SMS inbox before its turn ran, so the restarted host
// runs the turn and texts the reply through Twilio's REST API (a local stand-in that records what it is sent); a later
// retry of the same MessageSid gets no second reply. Webhooks are signed by twilio-node.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import twilio from 'twilio';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const hostDll = process.env.CLINICBOT_HOST_DLL ?? join(repo, 'src/ClinicBot.Host/bin/Debug/net10.0/ClinicBot.Host.dll');
const token = 'crash-auth-token-0123456789abcdef';
const account = 'AC00000000000000000000000000000009';
const publicUrl = 'https://bot.clinic.example/api/sms/twilio';
const dataDir = mkdtempSync(join(tmpdir(), 'clinicbot-sms-crash-'));
const servers = [];
const hosts = [];

after(() => {
  for (const h of hosts) h.kill('SIGKILL');
  for (const s of servers) s.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const freePort = () => new Promise((res) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
});

// Listens on a free loopback port with the given handler; resolves to its base URL.
function serve(handler) {
  const server = createHttpServer(handler);
  servers.push(server);
  return new Promise((res) => server.listen(0, '127.0.0.1', () => res(`http://127.0.0.1:${server.address().port}`)));
}

async function startHost(extraEnv) {
  const url = `http://127.0.0.1:${await freePort()}`;
  const host = spawn('dotnet', [hostDll, '--urls', url, `--Storage:SqlitePath=${join(dataDir, 'clinicbot.db')}`], {
    cwd: repo,
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Development',
      Logging__LogLevel__Default: 'Error',
      Sms__Twilio__AuthToken: token,
      Sms__Twilio__AccountSid: account,
      Sms__Twilio__FromNumber: '+15550001111',
      Sms__Twilio__WebhookUrl: publicUrl,
      Sms__PhoneHashKey: 'crash-phone-hash-key-0123456789abcdef',
      Sms__PhoneEncryptionKey: Buffer.alloc(32, 9).toString('base64'),
      ...extraEnv,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  hosts.push(host);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (host.exitCode !== null) throw new Error(`ClinicBot.Host exited with ${host.exitCode}`);
    try { if ((await fetch(`${url}/readyz`)).status === 200) return { host, url }; } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('host not ready');
}

const until = async (condition, ms, what) => {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

function webhook(url, form) {
  const headers = { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(token, publicUrl, form) };
  return fetch(`${url}/api/sms/twilio`, { method: 'POST', headers, body: new URLSearchParams(form) });
}

test('kill -9 mid-turn: the restarted host runs the stored turn and texts the reply; a retry gets no second one', async () => {
  assert.ok(existsSync(hostDll), `build the host first: ${hostDll} not found`);
  const sent = [];
  const twilioApi = await serve((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      sent.push({ path: req.url, form: Object.fromEntries(new URLSearchParams(body)) });
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sid: `SM${sent.length}`, status: 'queued' }));
    });
  });
  let llmCalls = 0;
  const hangingLlm = await serve((req) => { llmCalls += 1; req.resume(); /* never answers */ });

  const first = await startHost({
    Sms__Twilio__ApiBaseUrl: twilioApi,
    Sms__ReplyMode: 'Rest',
    Llm__Endpoint: `${hangingLlm}/v1/`,
    Llm__Deployment: 'hangs',
    Llm__ApiKey: 'test-key',
    Llm__Timeout: '00:02:00',
    Llm__AttemptTimeout: '00:02:00',
  });
  const sid = 'SM' + 'c'.repeat(32);
  const from = '+15557654321';
  const form = { MessageSid: sid, SmsSid: sid, AccountSid: account, From: from, To: '+15550001111', Body: 'how long does one infusion session take?', NumMedia: '0' };
  const ack = await webhook(first.url, form);
  assert.equal(ack.status, 200);
  await until(() => llmCalls > 0, 60_000, 'the turn to reach the LLM');
  first.host.kill('SIGKILL');
  await new Promise((r) => first.host.once('exit', r));
  assert.equal(sent.length, 0, 'nothing was texted before the crash');

  const second = await startHost({ Sms__Twilio__ApiBaseUrl: twilioApi });
  await until(() => sent.length > 0, 60_000, 'the recovered reply');
  assert.equal(sent.length, 1);
  assert.equal(sent[0].form.To, from);
  assert.match(sent[0].form.Body, /minute|hour|minuto|hora/i);

  const retry = await webhook(second.url, form);
  assert.equal(retry.status, 200);
  assert.doesNotMatch(await retry.text(), /<Message>/);
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(sent.length, 1, 'answered once');
});
