// Interop with Twilio's own Node library (npm twilio, pinned in package-lock.json). twilio signs webhooks with
// getExpectedTwilioSignature; ClinicBot's /api/sms/twilio must accept them and reject a tampered body, a wrong URL or a
// missing header, and agree with twilio.validateRequest on a few hundred generated cases (unicode, many parameters,
// ports, query strings).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import twilio from 'twilio';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const hostDll = process.env.CLINICBOT_HOST_DLL ?? join(repo, 'src/ClinicBot.Host/bin/Debug/net10.0/ClinicBot.Host.dll');
const token = 'interop-auth-token-0123456789abcdef';
const publicUrl = 'https://bot.clinic.example/api/sms/twilio';
let host;
let hostUrl;
let dataDir;

const freePort = () => new Promise((res) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
});

before(async () => {
  assert.ok(existsSync(hostDll), `build the host first: ${hostDll} not found`);
  dataDir = mkdtempSync(join(tmpdir(), 'clinicbot-sms-interop-'));
  hostUrl = `http://127.0.0.1:${await freePort()}`;
  host = spawn('dotnet', [hostDll, '--urls', hostUrl, `--Storage:SqlitePath=${join(dataDir, 'clinicbot.db')}`], {
    cwd: repo,
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Development',
      Logging__LogLevel__Default: 'Warning',
      'Logging__LogLevel__ClinicBot.Channels.Sms': 'Error',
      Sms__Twilio__AuthToken: token,
      Sms__Twilio__WebhookUrl: publicUrl,
      Sms__PhoneHashKey: 'interop-phone-hash-key-0123456789abcdef',
      Sms__PhoneEncryptionKey: Buffer.alloc(32, 7).toString('base64'),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (host.exitCode !== null) throw new Error(`ClinicBot.Host exited with ${host.exitCode}`);
    try { if ((await fetch(`${hostUrl}/readyz`)).status === 200) return; } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('host not ready');
});

after(() => {
  host?.kill('SIGTERM');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

let n = 0;
function params(body, extra = {}) {
  n += 1;
  const sid = `SM${String(n).padStart(32, '0')}`;
  return { MessageSid: sid, SmsSid: sid, AccountSid: 'AC0000', From: `+1555${String(1000000 + n)}`, To: '+15550001111', Body: body, NumMedia: '0', ...extra };
}

async function post(query, form, signature) {
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  if (signature !== undefined) headers['x-twilio-signature'] = signature;
  const body = new URLSearchParams(Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])));
  return fetch(`${hostUrl}/api/sms/twilio${query}`, { method: 'POST', headers, body });
}

test('a webhook signed by twilio-node is accepted and answered with TwiML', async () => {
  const form = params('what is ketamine therapy');
  const response = await post('', form, twilio.getExpectedTwilioSignature(token, publicUrl, form));
  assert.equal(response.status, 200);
  const xml = await response.text();
  assert.match(xml, /<Response><Message>.+<\/Message><\/Response>/s);
  assert.equal(twilio.validateRequest(token, twilio.getExpectedTwilioSignature(token, publicUrl, form), publicUrl, form), true);
});

test('a tampered body, a wrong URL and a missing header are rejected with 403', async () => {
  const form = params('hello');
  const signature = twilio.getExpectedTwilioSignature(token, publicUrl, form);
  assert.equal((await post('', { ...form, Body: 'hello!' }, signature)).status, 403);
  assert.equal((await post('', form, twilio.getExpectedTwilioSignature(token, 'https://evil.example/api/sms/twilio', form))).status, 403);
  assert.equal((await post('', form, undefined)).status, 403);
});

const alphabet = ['a', 'Z', ' ', '&', '=', '+', '%', 'é', 'ñ', '¿', '😀', '中', '"', "'", '~', '*', '\n'];
function random(len, rnd) { let s = ''; for (let i = 0; i < len; i += 1) s += alphabet[Math.floor(rnd() * alphabet.length)]; return s; }
function rng(seed) { return () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; }; }

test('our validator agrees with twilio.validateRequest on generated cases', async () => {
  const rnd = rng(42);
  const queries = ['', '?a=1', '?x=a%20b&y=%E2%9C%93', '?b=2&a=1&a=0', "?q=it's+ok", '?2=b&1=a', '?k=%7Bv%7D'];
  const signedUrls = (q) => [publicUrl + q, publicUrl.replace('example/', 'example:443/') + q];
  let agreed = 0;
  for (let i = 0; i < 300; i += 1) {
    const query = queries[i % queries.length];
    const extra = {};
    for (let k = 0; k < i % 6; k += 1) extra[`P${random(3, rnd).replace(/[^A-Za-z]/g, 'x')}${k}`] = random(5, rnd);
    const form = params(random(1 + (i % 40), rnd), extra);
    const signedUrl = signedUrls(query)[i % 2];
    let signature = twilio.getExpectedTwilioSignature(token, signedUrl, form);
    if (i % 5 === 4) signature = twilio.getExpectedTwilioSignature(token, signedUrl, { ...form, Body: `${form.Body}x` });
    const expected = twilio.validateRequest(token, signature, publicUrl + query, form);
    const response = await post(query, form, signature);
    await response.arrayBuffer();
    assert.equal(response.status === 200, expected, `case ${i}: ${signedUrl} ${JSON.stringify(form)} -> ${response.status}, twilio says ${expected}`);
    agreed += 1;
  }
  assert.equal(agreed, 300);
});
