// A real crash in the middle of a turn, on both activity channels: the host is killed with SIGKILL while the turn waits
// on a (hanging) LLM, then started again on the same database without an LLM. Each message was in the activity inbox
// before its turn ran, so the restarted host runs the turn and answers: on Direct Line the reply appears in the
// conversation Web Chat reads; on /api/messages it is posted to the channel's serviceUrl (a local stand-in Connector).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, webChatToken } from './support/host.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'clinicbot-crash-'));
const database = join(dataDir, 'clinicbot.db');
const servers = [];
const hosts = [];

after(async () => {
  for (const h of hosts) await h.kill();
  for (const h of hosts) await h.stop();
  for (const s of servers) s.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function serve(handler) {
  const server = createServer(handler);
  servers.push(server);
  return new Promise((res) => server.listen(0, '127.0.0.1', () => res(`http://127.0.0.1:${server.address().port}`)));
}

const until = async (condition, ms, what) => {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

test('kill -9 mid-turn: the restarted host answers the Direct Line and the /api/messages message it was running', async () => {
  // The Connector of a Bot Framework channel: records every activity the bot posts.
  const posted = [];
  const connector = await serve((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      posted.push({ path: req.url, activity: JSON.parse(body || '{}') });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `r${posted.length}` }));
    });
  });
  let llmCalls = 0;
  const hangingLlm = await serve((req) => { llmCalls += 1; req.resume(); /* never answers */ });

  const first = await startHost({
    'Storage:SqlitePath': database,
    'Llm:Endpoint': `${hangingLlm}/v1/`,
    'Llm:Deployment': 'hangs',
    'Llm:ApiKey': 'test-key',
    'Llm:Timeout': '00:02:00',
    'Llm:AttemptTimeout': '00:02:00',
  });
  hosts.push(first);

  // Direct Line, as Web Chat drives it: a token, a conversation, a message.
  const session = await webChatToken(first.url);
  const auth = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
  const started = await fetch(`${session.domain}/conversations`, { method: 'POST', headers: auth });
  assert.equal(started.status, 201);
  const dlPost = fetch(`${session.domain}/conversations/${session.conversationId}/activities`, {
    method: 'POST', headers: auth,
    body: JSON.stringify({ type: 'message', text: 'how long does one infusion session take?', from: { id: session.userId } }),
  }).catch(() => null);
  await until(() => llmCalls >= 1, 60_000, 'the Direct Line turn to reach the LLM');

  // /api/messages, anonymous on loopback, replies to the channel's serviceUrl.
  const activity = {
    type: 'message', id: 'crash-activity-1', channelId: 'webchat', serviceUrl: connector,
    conversation: { id: 'crash-conversation-1' }, from: { id: 'patient-1', role: 'user' }, recipient: { id: 'clinicbot', role: 'bot' },
    locale: 'en-US', text: 'what does the science say about how ketamine works?',
  };
  const bfPost = fetch(`${first.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) }).catch(() => null);
  await until(() => llmCalls >= 2, 60_000, 'the /api/messages turn to reach the LLM');

  await first.kill();
  await Promise.all([dlPost, bfPost]);
  assert.equal(posted.filter((p) => p.activity.type === 'message').length, 0, 'no reply was sent before the crash');

  const second = await startHost({ 'Storage:SqlitePath': database });
  hosts.push(second);

  const bfReply = await until(() => posted.find((p) => p.activity.type === 'message' && p.activity.replyToId === activity.id), 60_000, 'the recovered /api/messages reply');
  assert.equal(bfReply.path, `/v3/conversations/${activity.conversation.id}/activities/${activity.id}`);
  assert.equal(bfReply.activity.entities.find((e) => e.type === 'clinicbot/reply').route, 'answer');

  // The token still works after the restart (its signing key is kept beside the database): Web Chat reads the answer.
  const domain = session.domain.replace(first.url, second.url);
  const dlReply = await until(async () => {
    const response = await fetch(`${domain}/conversations/${session.conversationId}/activities`, { headers: auth });
    const { activities } = await response.json();
    return activities.find((a) => a.type === 'message' && a.from.role === 'bot' && a.replyToId);
  }, 60_000, 'the recovered Direct Line reply');
  assert.match(dlReply.text, /minute|hour/i);

  // The turns are finished: a retry of the same activity gets no second answer, and nothing of the text stays in the inbox.
  const retry = await fetch(`${second.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  assert.equal(retry.status, 200);
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(posted.filter((p) => p.activity.type === 'message' && p.activity.replyToId === activity.id).length, 1, 'answered once');
  assert.deepEqual(second.query('SELECT count(*) AS n FROM bot_inbox WHERE finished_at IS NULL OR activity_protected IS NOT NULL'), [{ n: 0 }]);
});
