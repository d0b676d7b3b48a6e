// Interop with Microsoft's own Bot Framework implementation (npm botbuilder / botframework-connector, pinned in
// package-lock.json). The JS SDK plays the channel: its BotFrameworkClient posts real activities to ClinicBot's
// /api/messages (anonymous local mode, as a JS root bot calls a skill), and its ChannelServiceRoutes +
// ChannelServiceHandlerBase serve the Connector API at serviceUrl, receiving ClinicBot's replies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { ActivityTypes, ChannelServiceHandlerBase, ChannelServiceRoutes, ConfigurationBotFrameworkAuthentication, MessageFactory } from 'botbuilder';
import { startJsChannel, freePort } from './support/jsChannel.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const hostDll = process.env.CLINICBOT_HOST_DLL ?? join(repo, 'src/ClinicBot.Host/bin/Debug/net10.0/ClinicBot.Host.dll');

// The JS SDK's authentication with no MicrosoftAppId: anonymous, exactly as a local JS bot runs.
const auth = new ConfigurationBotFrameworkAuthentication({});
const client = auth.createBotFrameworkClient();

let host;
let hostUrl;
let dataDir;
let channel;

/** The JS side of the Connector API: records what ClinicBot posts to serviceUrl. */
class RecordingChannelHandler extends ChannelServiceHandlerBase {
  received = [];

  async authenticate(authHeader) {
    return auth.authenticateChannelRequest(authHeader);
  }

  async onReplyToActivity(claims, conversationId, activityId, activity) {
    this.received.push({ route: 'replyToActivity', conversationId, activityId, activity });
    return { id: randomUUID() };
  }

  async onSendToConversation(claims, conversationId, activity) {
    this.received.push({ route: 'sendToConversation', conversationId, activity });
    return { id: randomUUID() };
  }
}

before(async () => {
  assert.ok(existsSync(hostDll), `build the host first (dotnet build src/ClinicBot.Host): ${hostDll} not found`);
  dataDir = mkdtempSync(join(tmpdir(), 'clinicbot-interop-'));
  const port = await freePort();
  hostUrl = `http://127.0.0.1:${port}`;
  host = spawn('dotnet', [hostDll, '--urls', hostUrl, `--Storage:SqlitePath=${join(dataDir, 'clinicbot.db')}`], {
    cwd: repo,
    env: { ...process.env, ASPNETCORE_ENVIRONMENT: 'Development', Logging__LogLevel__Default: 'Warning' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitUntilReady(`${hostUrl}/readyz`, 120_000);

  const handler = new RecordingChannelHandler();
  channel = await startJsChannel((server) => new ChannelServiceRoutes(handler).register(server, '/api/connector'));
  channel.handler = handler;
});

after(async () => {
  host?.kill('SIGTERM');
  await channel?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function waitUntilReady(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (host.exitCode !== null) throw new Error(`ClinicBot.Host exited with ${host.exitCode}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`ClinicBot.Host not ready after ${timeoutMs} ms`);
}

function message(text, extra = {}) {
  const activity = MessageFactory.text(text);
  return Object.assign(activity, {
    id: randomUUID(),
    channelId: 'webchat',
    from: { id: 'js-user', name: 'Patient' },
    recipient: { id: 'clinicbot', name: 'ClinicBot' },
    conversation: { id: `js-conv-${randomUUID()}` },
    locale: 'en-US',
    ...extra,
  });
}

function replyEntity(activity) {
  return (activity.entities ?? []).find((e) => e.type === 'clinicbot/reply');
}

async function post(activity, serviceUrl = channel.url + '/api/connector') {
  return client.postActivity('', '', `${hostUrl}/api/messages`, serviceUrl, activity.conversation.id, activity);
}

test('expectReplies: the JS SDK gets a grounded answer carrying the clinicbot/reply entity', async () => {
  const response = await post(message('What are the side effects of ketamine therapy?', { deliveryMode: 'expectReplies' }));

  assert.equal(response.status, 200);
  const [reply] = response.body.activities;
  assert.equal(reply.type, ActivityTypes.Message);
  assert.equal(reply.textFormat, 'markdown');
  const entity = replyEntity(reply);
  assert.equal(entity.route, 'answer');
  assert.ok(entity.sources.length > 0, 'cites at least one article');
  assert.match(reply.text, /\(\/articles\/[a-z0-9-]+\)/);
});

test('expectReplies: a crisis message gets route crisis with 988', async () => {
  const response = await post(message('I want to kill myself', { deliveryMode: 'expectReplies' }));

  assert.equal(response.status, 200);
  const [reply] = response.body.activities;
  assert.equal(replyEntity(reply).route, 'crisis');
  assert.match(reply.text, /988/);
  assert.equal(replyEntity(reply).escalation.priority, 'urgent');
});

test('normal delivery: the reply arrives at the JS Connector routes as reply-to-activity', async () => {
  const activity = message('What is a ketamine session like?');
  const before = channel.handler.received.length;

  const response = await post(activity);

  assert.equal(response.status, 200);
  const replies = channel.handler.received.slice(before).filter((r) => r.activity.type === ActivityTypes.Message);
  assert.equal(replies.length, 1);
  const [{ route, conversationId, activityId, activity: reply }] = replies;
  assert.equal(route, 'replyToActivity');
  assert.equal(conversationId, activity.conversation.id);
  assert.equal(activityId, activity.id);
  assert.equal(reply.recipient.id, 'js-user');
  assert.ok(['answer', 'abstain'].includes(replyEntity(reply).route));
});

test('conversationUpdate: one welcome per added member, sent to the conversation', async () => {
  const conversation = { id: `js-conv-${randomUUID()}` };
  const update = (id) => ({
    type: ActivityTypes.ConversationUpdate,
    id,
    channelId: 'webchat',
    from: { id: 'js-user' },
    recipient: { id: 'clinicbot' },
    conversation,
    membersAdded: [{ id: 'clinicbot' }, { id: 'js-user' }],
  });
  const before = channel.handler.received.length;

  assert.equal((await post(update(randomUUID()))).status, 200);
  assert.equal((await post(update(randomUUID()))).status, 200);

  const welcomes = channel.handler.received.slice(before);
  assert.equal(welcomes.length, 1);
  assert.equal(welcomes[0].route, 'sendToConversation');
  assert.equal(replyEntity(welcomes[0].activity).route, 'welcome');
  assert.match(welcomes[0].activity.text, /988/);
});
