// Protocol tests with Microsoft's own Direct Line client (npm botframework-directlinejs, pinned): it drives ClinicBot's
// Direct Line exactly as Web Chat does, over a WebSocket and by polling. Node gets the browser's XMLHttpRequest and
// WebSocket from the xhr2 and ws packages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import WebSocket from 'ws';
import { startHost, webChatToken } from './support/host.mjs';

const require = createRequire(import.meta.url);
globalThis.XMLHttpRequest = require('xhr2');
globalThis.WebSocket = WebSocket;
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

let host;
before(async () => { host = await startHost(); });
after(async () => { await host?.stop(); });

/** Connects a DirectLineJS client and collects what it receives. */
async function connect({ webSocket, locale = 'en-US' }) {
  const session = await webChatToken(host.url);
  const directLine = new DirectLine({ token: session.token, domain: session.domain, webSocket, pollingInterval: 300, conversationStartProperties: { locale } });
  const received = [];
  const statuses = [];
  // end() completes the streams with an error ("conversation ended"): expected when a test closes its client.
  const ignoreEnd = () => {};
  directLine.connectionStatus$.subscribe((s) => statuses.push(s), ignoreEnd);
  directLine.activity$.subscribe((a) => received.push(a), ignoreEnd);
  const waitFor = async (predicate, what, timeout = 20_000) => {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      const found = received.find(predicate);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${what}; received ${received.map((a) => `${a.type}:${a.from?.role}`).join(', ')}`);
  };
  const post = (activity) => new Promise((resolve, reject) => directLine.postActivity(activity).subscribe(resolve, reject));
  return { session, directLine, received, statuses, waitFor, post };
}

for (const webSocket of [true, false]) {
  const transport = webSocket ? 'WebSocket' : 'polling';

  test(`${transport}: welcome, echo with id and clientActivityID, typing, reply with the clinicbot/reply entity`, async () => {
    const client = await connect({ webSocket });
    const welcome = await client.waitFor((a) => a.type === 'message' && a.from.role === 'bot', 'the welcome');
    assert.equal(welcome.entities.find((e) => e.type === 'clinicbot/reply').route, 'welcome');
    assert.deepEqual(welcome.suggestedActions.actions.map((a) => a.title), ['What is ketamine therapy?', 'What happens in a session?', 'Side effects', 'Talk to the team']);
    assert.equal(welcome.replyToId, undefined, 'a reply to conversationUpdate is not threaded');
    assert.equal(welcome.conversation.id, client.session.conversationId);

    const id = await client.post({ type: 'message', text: 'What are the side effects?', from: { id: client.session.userId }, channelData: { clientActivityID: 'client-1' } });
    assert.match(id, new RegExp(`^${client.session.conversationId}\\|`));
    const echo = await client.waitFor((a) => a.channelData?.clientActivityID === 'client-1', 'the echo');
    assert.equal(echo.id, id);
    assert.equal(echo.from.id, client.session.userId);
    assert.equal(typeof echo.timestamp, 'string');

    const typing = await client.waitFor((a) => a.type === 'typing' && a.replyToId === id, 'typing');
    assert.equal(typing.from.role, 'bot');
    const answer = await client.waitFor((a) => a.type === 'message' && a.replyToId === id, 'the answer');
    const reply = answer.entities.find((e) => e.type === 'clinicbot/reply');
    assert.equal(reply.route, 'answer');
    assert.ok(reply.sources.length > 0);
    assert.match(answer.text, /\]\(\/articles\/[a-z0-9-]+\)/);
    assert.equal(answer.textFormat, 'markdown');
    assert.ok(client.received.indexOf(typing) < client.received.indexOf(answer), 'typing comes before the answer');
    assert.equal(client.statuses.includes(ConnectionStatus.Online), true);
    client.directLine.end();
  });
}

test('Spanish conversation start: the welcome and suggestions in Spanish', async () => {
  const client = await connect({ webSocket: true, locale: 'es-ES' });
  const welcome = await client.waitFor((a) => a.type === 'message' && a.from.role === 'bot', 'the welcome');
  assert.match(welcome.text, /Soy el asistente/);
  assert.ok(welcome.suggestedActions.actions.some((a) => a.title === 'Hablar con el equipo'));
  client.directLine.end();
});

test('reconnecting with a watermark replays only what came after it', async () => {
  const client = await connect({ webSocket: false });
  await client.waitFor((a) => a.type === 'message' && a.from.role === 'bot', 'the welcome');
  const id = await client.post({ type: 'message', text: 'Talk to the team', from: { id: client.session.userId } });
  await client.waitFor((a) => a.type === 'message' && a.replyToId === id, 'the handoff reply');
  client.directLine.end();

  const auth = { Authorization: `Bearer ${client.session.token}` };
  const all = await (await fetch(`${client.session.domain}/conversations/${client.session.conversationId}/activities`, { headers: auth })).json();
  const welcomeWatermark = Number(all.watermark) - (all.activities.length - 1);
  const after = await (await fetch(`${client.session.domain}/conversations/${client.session.conversationId}/activities?watermark=${all.watermark}`, { headers: auth })).json();
  assert.deepEqual(after.activities, []);
  assert.equal(after.watermark, all.watermark);
  const fromWelcome = await (await fetch(`${client.session.domain}/conversations/${client.session.conversationId}/activities?watermark=${welcomeWatermark}`, { headers: auth })).json();
  assert.equal(fromWelcome.activities.length, all.activities.length - 1);

  const reconnect = await (await fetch(`${client.session.domain}/conversations/${client.session.conversationId}?watermark=${all.watermark}`, { headers: auth })).json();
  assert.match(reconnect.streamUrl, /^ws:\/\/.+\/stream\?watermark=\d+&t=/);
  assert.equal(reconnect.conversationId, client.session.conversationId);
});

test("token refresh gives a working token; another visitor's token cannot read or post", async () => {
  const mine = await connect({ webSocket: false });
  await mine.waitFor((a) => a.type === 'message', 'the welcome');
  const refreshed = await (await fetch(`${mine.session.domain}/tokens/refresh`, { method: 'POST', headers: { Authorization: `Bearer ${mine.session.token}` } })).json();
  assert.equal(refreshed.conversationId, mine.session.conversationId);
  assert.equal(refreshed.expires_in, 1800);
  const withRefreshed = await fetch(`${mine.session.domain}/conversations/${mine.session.conversationId}/activities`, { headers: { Authorization: `Bearer ${refreshed.token}` } });
  assert.equal(withRefreshed.status, 200);

  const other = await webChatToken(host.url);
  const read = await fetch(`${mine.session.domain}/conversations/${mine.session.conversationId}/activities`, { headers: { Authorization: `Bearer ${other.token}` } });
  assert.equal(read.status, 403);
  const write = await fetch(`${mine.session.domain}/conversations/${mine.session.conversationId}/activities`, {
    method: 'POST', headers: { Authorization: `Bearer ${other.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'hi' }),
  });
  assert.equal(write.status, 403);
  assert.equal((await write.json()).error.code, 'Forbidden');

  // The stream needs its own short-lived stream token, not a conversation token.
  const socket = new WebSocket(`${mine.session.domain.replace('http', 'ws')}/conversations/${mine.session.conversationId}/stream?t=${mine.session.token}`);
  const status = await new Promise((resolve) => socket.on('unexpected-response', (_, res) => resolve(res.statusCode)).on('open', () => resolve(101)));
  assert.equal(status, 401);
  mine.directLine.end();
});
