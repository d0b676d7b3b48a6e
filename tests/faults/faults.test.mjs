// The fault suite (issue [Reliability]): every fault over real host processes and real patient crisis messages, each
// counted into one table printed at the end. A fault passes when each crisis turn tried got its crisis reply exactly
// once (or, for a staff reply, was delivered exactly once), its urgent escalation is in the queue exactly once, and no
// request got a 5xx.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFolder, startHost, smsWebhook, twimlMessage, messageSid, sleep, until } from './support/host.mjs';
import { fakeTwilio, fakeConnector, hangingLlm, holdWriteLock } from './support/fakes.mjs';
import { webChatVisitor, reconnect, postMessage, storedActivities, botMessages, channelMessage, postActivity, signInStaff } from './support/clients.mjs';
import { row, format, save, assertClean } from './support/table.mjs';

// What patients in crisis write, in English and Spanish, lowercase and not.
const crises = [
  'i took all my sleeping pills about 20 min ago',
  "I can't do this anymore, I have the rope ready",
  'ya no quiero vivir, tengo las pastillas aquí',
  "everyone would be better off without me. tonight i'm going to end it",
  'I just cut myself really deep and it wont stop bleeding',
  'me voy a matar esta noche, ya lo decidí',
  'i have my dads gun and i want to die',
  "I'm standing on the bridge right now",
];
const crisis = (i) => crises[i % crises.length];
const isCrisisReply = (text) => /\b988\b/.test(text ?? '');

const rows = [];
const cleanup = [];
after(async () => {
  for (const undo of cleanup.reverse()) await undo().catch(() => {});
});

// Every folder and fake made by a test is removed after the run; hosts are killed.
function track(resource, undo) {
  cleanup.push(undo);
  return resource;
}

async function newHost(folder, settings, options) {
  const host = await startHost(folder, settings, options);
  cleanup.push(() => host.kill());
  return host;
}

const urgent = (folder) => folder.query("SELECT count(*) AS n FROM escalations WHERE priority = 'urgent'")[0].n;
const unfinishedSms = (folder) => folder.query('SELECT count(*) AS n FROM sms_inbound WHERE finished_at IS NULL')[0].n;
const unfinishedActivities = (folder) => folder.query('SELECT count(*) AS n FROM bot_inbox WHERE finished_at IS NULL')[0].n;

// Counts one crisis turn into the row: replies with 988 the patient got, urgent escalations it raised. `leftBefore`:
// the reply had already left before the kill, so one more after the restart is a resend (at least once), not a duplicate.
function count(r, replies, escalations, leftBefore = false) {
  r.tried += 1;
  r.delivered += Math.min(replies, 1);
  r.kept += Math.min(escalations, 1);
  const resent = leftBefore && replies === 2 ? 1 : 0;
  r.resent += resent;
  r.duplicates += Math.max(0, replies - 1 - resent) + Math.max(0, escalations - 1);
}

// What the host logged about one SMS's recovery (its MessageSid), for the notes of a resend.
function recoveryLines(folder, sid) {
  return readdirSync(folder.path).filter((f) => f.startsWith('host-')).flatMap((f) => readFileSync(join(folder.path, f), 'utf8').split('\n'))
    .filter((l) => l.includes(sid)).map((l) => l.trim().replace(`SMS ${sid}: `, '')).join(' / ');
}

const is5xx = (status) => status >= 500;

// The bot's crisis replies to the visitor's message(s) sent with this clientActivityID (the welcome names 988 too).
function crisisReplies(visitor, activities, clientActivityID) {
  const mine = new Set(activities.filter((a) => a.channelData?.clientActivityID === clientActivityID).map((a) => a.id));
  return activities.filter((a) => a.type === 'message' && a.from?.role === 'bot' && mine.has(a.replyToId) && isCrisisReply(a.text));
}

test('SMS: kill -9 at several points of a crisis turn, restart, Twilio retries the MessageSid', async () => {
  const r = row('SMS crisis, kill -9 mid-turn, restart, Twilio retry');
  rows.push(r);
  const folder = track(new DataFolder('sms-kill'), async () => folder.remove());
  const twilioApi = track(await fakeTwilio(), async () => twilioApi.close());
  const llm = track(await hangingLlm(), async () => llm.close());
  // The SMS inbox's recovery decisions (warnings: ran the turn again, found the reply at Twilio, sent it) go to the host log.
  const settings = { 'Sms:Twilio:ApiBaseUrl': twilioApi.url, 'Logging:LogLevel:ClinicBot.Channels.Sms': 'Warning' };
  let host = await newHost(folder, settings);

  // Twilio's side of a webhook: the answer's TwiML reply becomes a message the moment Twilio reads it (its Messages API
  // lists it at once), whatever happens to the host afterwards; status 0 when no answer came.
  const answeredByTwiml = (url, text) => smsWebhook(url, text).then(async (res) => {
    const xml = await res.text();
    if (res.status === 200) twilioApi.twiml(text.from, twimlMessage(xml));
    return { status: res.status, xml };
  }, () => ({ status: 0 }));

  // Milliseconds between sending the webhook and the kill: before the MessageSid is stored, while the turn runs, after;
  // last, the instant the TwiML answer arrives (before the host has marked the text finished, or just after).
  const points = [0, 1, 3, 6, 10, 20, 40, 80, 'answer'];
  for (const [i, delay] of points.entries()) {
    const patient = `+1916555${String(2000 + i)}`;
    const text = { sid: messageSid(), from: patient, body: crisis(i) };
    const before = urgent(folder);
    const first = answeredByTwiml(host.url, text);
    if (delay === 'answer') await first;
    else if (delay > 0) await sleep(delay);
    await host.kill();
    const answered = await first;
    host = await newHost(folder, settings);

    const replies = [];
    if (is5xx(answered.status)) r.errors5xx += 1;
    if (answered.status === 200) {
      replies.push(twimlMessage(answered.xml));
    } else {
      // No answer reached Twilio: it retries the same MessageSid.
      const retry = await smsWebhook(host.url, text);
      if (is5xx(retry.status)) r.errors5xx += 1;
      replies.push(twimlMessage(await retry.text()));
    }

    // The restarted host may have run the turn itself (start-up recovery) and texted the reply through the REST API;
    // that text can leave shortly after the inbox row is finished (the patient outbox sends it), so wait for it too.
    await until(() => unfinishedSms(folder) === 0, 30_000, 'the SMS inbox to finish');
    const delivered = () => [...replies, ...twilioApi.to(patient).map((m) => m.body)].some(isCrisisReply);
    await until(delivered, 15_000, 'the crisis reply').catch(() => null);
    await sleep(300);
    const texts = [...replies, ...twilioApi.to(patient).map((m) => m.body)];
    const crisisTexts = texts.filter(isCrisisReply).length;
    count(r, crisisTexts, urgent(folder) - before, answered.status === 200);
    const why = crisisTexts > 1 ? ` (${recoveryLines(folder, text.sid)})` : '';
    r.notes.push(`${delay === 'answer' ? 'at the answer' : `${delay} ms`}: first ${answered.status}, replies ${crisisTexts}${why}`);
  }

  // The crisis text arrives while the patient's question waits on an LLM that never answers; the kill catches both.
  {
    await host.stop();
    host = await newHost(folder, {
      ...settings,
      'Llm:Endpoint': `${llm.url}/v1/`, 'Llm:Deployment': 'hangs', 'Llm:ApiKey': 'test-key',
      'Llm:Timeout': '00:02:00', 'Llm:AttemptTimeout': '00:02:00',
    });
    const patient = '+19165553000';
    const question = { sid: messageSid(), from: patient, body: 'how long does one infusion session take?' };
    const text = { sid: messageSid(), from: patient, body: crisis(points.length) };
    const before = urgent(folder);
    const asked = smsWebhook(host.url, question).then((res) => ({ status: res.status }), () => ({ status: 0 }));
    await until(() => llm.calls > 0, 30_000, 'the question to reach the LLM');
    const first = answeredByTwiml(host.url, text);
    await sleep(3);
    await host.kill();
    const answered = await first;
    const askedAnswer = await asked;
    host = await newHost(folder, settings);

    const replies = [];
    for (const status of [answered.status, askedAnswer.status]) if (is5xx(status)) r.errors5xx += 1;
    if (answered.status === 200) {
      replies.push(twimlMessage(answered.xml));
    } else {
      const retry = await smsWebhook(host.url, text);
      if (is5xx(retry.status)) r.errors5xx += 1;
      replies.push(twimlMessage(await retry.text()));
    }
    if (askedAnswer.status !== 200) {
      const retry = await smsWebhook(host.url, question);
      if (is5xx(retry.status)) r.errors5xx += 1;
      replies.push(twimlMessage(await retry.text()));
    }
    await until(() => unfinishedSms(folder) === 0, 30_000, 'the SMS inbox to finish');
    await sleep(300);
    const texts = [...replies, ...twilioApi.to(patient).map((m) => m.body)].filter(Boolean);
    count(r, texts.filter(isCrisisReply).length, urgent(folder) - before);
    // The question is answered once too (the conversation is in crisis by then, so that answer may carry 988 as well).
    const questionReplies = texts.length - 1;
    if (questionReplies !== 1) r.duplicates += Math.max(0, questionReplies - 1);
    r.notes.push(`hanging LLM: first ${answered.status}, question ${askedAnswer.status}, texts ${texts.length}`);
  }

  await host.stop();
  assertClean(r);
});

test('Web Chat (Direct Line): kill -9 during a crisis turn, restart, reconnect, resend what the host never took', async () => {
  const r = row('Web Chat crisis, kill -9 mid-turn, restart, resend');
  rows.push(r);
  const folder = track(new DataFolder('webchat-kill'), async () => folder.remove());
  let host = await newHost(folder, {}, { smsEnabled: false });

  // Milliseconds between the post and the kill: before the message is taken, between the inbox and the echo, mid-turn.
  const points = [0, 1, 2, 3, 5, 10, 20, 40];
  for (const [i, delay] of points.entries()) {
    const visitor = await webChatVisitor(host.url);
    cleanup.push(async () => visitor.socket?.terminate());
    const before = urgent(folder);
    const clientActivityID = `fault-${i}`;
    const first = postMessage(visitor, crisis(i + 2), clientActivityID);
    if (delay === 'answer') await first;
    else if (delay > 0) await sleep(delay);
    await host.kill();
    const answered = await first;
    host = await newHost(folder, {}, { smsEnabled: false });
    await reconnect(visitor, host.url);
    if (is5xx(answered.status)) r.errors5xx += 1;

    // Web Chat resends only a message whose echo never came: one the host did not store.
    if (answered.status !== 200) {
      const stored = await storedActivities(visitor);
      if (!stored.some((a) => a.channelData?.clientActivityID === clientActivityID)) {
        const resent = await postMessage(visitor, crisis(i + 2), clientActivityID);
        if (is5xx(resent.status)) r.errors5xx += 1;
      }
    }

    await until(() => unfinishedActivities(folder) === 0, 30_000, 'the activity inbox to finish');
    await until(() => crisisReplies(visitor, [...visitor.seen.values()], clientActivityID).length > 0, 15_000, 'the crisis reply').catch(() => null);
    await sleep(500);
    const stored = crisisReplies(visitor, await storedActivities(visitor), clientActivityID);
    const seen = crisisReplies(visitor, [...visitor.seen.values()], clientActivityID);
    count(r, Math.max(seen.length, stored.length), urgent(folder) - before);
    r.notes.push(`${delay === 'answer' ? 'at the answer' : `${delay} ms`}: first ${answered.status}, replies seen ${seen.length}, stored ${stored.length}`);
    visitor.socket?.terminate();
  }

  await host.stop();
  assertClean(r);
});

test('/api/messages: kill -9 during a crisis turn, restart, the channel resends the same activity', async () => {
  const r = row('/api/messages crisis, kill -9 mid-turn, restart, resend');
  rows.push(r);
  const folder = track(new DataFolder('messages-kill'), async () => folder.remove());
  const connector = track(await fakeConnector(), async () => connector.close());
  let host = await newHost(folder, {}, { smsEnabled: false });

  const points = [0, 2, 5, 10, 20, 40];
  for (const [i, delay] of points.entries()) {
    const activity = channelMessage({ id: `kill-activity-${i}`, conversationId: `kill-conversation-${i}`, text: crisis(i + 4), serviceUrl: connector.url });
    const before = urgent(folder);
    const first = postActivity(host.url, activity);
    if (delay === 'answer') await first;
    else if (delay > 0) await sleep(delay);
    await host.kill();
    const killedAt = Date.now();
    const answered = await first;
    host = await newHost(folder, {}, { smsEnabled: false });
    if (is5xx(answered.status)) r.errors5xx += 1;
    if (answered.status === 0) {
      // The channel got no answer: it sends the same activity (same id) again.
      const resent = await postActivity(host.url, activity);
      if (is5xx(resent.status)) r.errors5xx += 1;
    }

    await until(() => unfinishedActivities(folder) === 0, 30_000, 'the activity inbox to finish');
    await sleep(500);
    const replies = connector.posted.filter((p) => p.activity.type === 'message' && p.activity.replyToId === activity.id && isCrisisReply(p.activity.text));
    count(r, replies.length, urgent(folder) - before, replies.some((p) => p.at <= killedAt));
    r.notes.push(`${delay === 'answer' ? 'at the answer' : `${delay} ms`}: first ${answered.status}, replies ${replies.length}`);
  }

  await host.stop();
  assertClean(r);
});

test('database locked (a second connection holds BEGIN EXCLUSIVE for 15 s) during crisis turns on SMS, Direct Line and /api/messages', async () => {
  const sms = row('database locked 15 s: SMS crisis');
  const webChat = row('database locked 15 s: Web Chat crisis');
  const messages = row('database locked 15 s: /api/messages crisis');
  rows.push(sms, webChat, messages);
  const folder = track(new DataFolder('locked'), async () => folder.remove());
  const connector = track(await fakeConnector(), async () => connector.close());
  const twilioApi = track(await fakeTwilio(), async () => twilioApi.close());
  const host = await newHost(folder, { 'Sms:Twilio:ApiBaseUrl': twilioApi.url });
  const visitors = [await webChatVisitor(host.url), await webChatVisitor(host.url, 'es-MX')];
  for (const v of visitors) cleanup.push(async () => v.socket?.terminate());
  const before = urgent(folder);

  const lock = await holdWriteLock(folder.database);
  const lockedAt = Date.now();
  let released = false;
  cleanup.push(async () => { if (!released) await lock.release(); });
  const ready = await fetch(`${host.url}/readyz`);

  const smsTurns = [0, 1].map(async (i) => {
    const started = Date.now();
    const from = `+1916555400${i}`;
    const response = await smsWebhook(host.url, { sid: messageSid(), from, body: crisis(i) });
    return { from, status: response.status, reply: twimlMessage(await response.text()), ms: Date.now() - started };
  });
  const webTurns = visitors.map(async (visitor, i) => {
    const started = Date.now();
    const posted = await postMessage(visitor, crisis(2 + i), `locked-${i}`);
    const id = posted.status === 200 ? JSON.parse(posted.body).id : null;
    const replies = () => botMessages(visitor).filter((a) => a.replyToId === id && isCrisisReply(a.text));
    await until(() => replies().length > 0, 20_000, 'the Web Chat crisis reply').catch(() => null);
    return { status: posted.status, replies: replies().length, ms: Date.now() - started };
  });
  const botTurns = [0, 1].map(async (i) => {
    const activity = channelMessage({ id: `locked-activity-${i}`, conversationId: `locked-conversation-${i}`, text: crisis(4 + i), serviceUrl: connector.url });
    const started = Date.now();
    const posted = await postActivity(host.url, activity);
    return { status: posted.status, id: activity.id, ms: Date.now() - started };
  });
  const [smsDone, webDone, botDone] = await Promise.all([Promise.all(smsTurns), Promise.all(webTurns), Promise.all(botTurns)]);
  const answeredWithin = Date.now() - lockedAt;

  // Keep the lock for 15 s in all, then let writes through: the spool replays into the queue (every 5 s).
  await sleep(Math.max(0, 15_000 - (Date.now() - lockedAt)));
  await lock.release();
  released = true;
  await until(() => urgent(folder) - before >= 6, 30_000, 'the spooled escalations to reach the queue').catch(() => null);
  // One more replay round: a second copy of an escalation would show now.
  await sleep(6_000);
  const readyAfter = await fetch(`${host.url}/readyz`);

  const escalations = folder.query("SELECT conversation_id AS c, count(*) AS n FROM escalations WHERE priority = 'urgent' GROUP BY conversation_id");
  const escalationsOf = (prefix) => escalations.filter((e) => e.c.startsWith(prefix));
  for (const turn of smsDone) {
    if (is5xx(turn.status)) sms.errors5xx += 1;
  }
  // SMS conversation ids are hashes of the numbers: the two patients' conversations are the two "sms:" rows.
  const smsEscalations = escalationsOf('sms:');
  // A turn that outlasts the TwiML budget (8 s: the first write waits out SQLite's 5 s busy timeout) is acknowledged with
  // empty TwiML and its reply goes through the REST API: delivered either way, once.
  for (const [i, turn] of smsDone.entries()) {
    const replies = (isCrisisReply(turn.reply) ? 1 : 0) + twilioApi.to(turn.from).filter((m) => isCrisisReply(m.body)).length;
    count(sms, replies, smsEscalations[i]?.n ?? 0);
  }
  sms.duplicates += Math.max(0, smsEscalations.length - 2);
  for (const [i, turn] of webDone.entries()) {
    if (is5xx(turn.status)) webChat.errors5xx += 1;
    count(webChat, turn.replies, escalations.find((e) => e.c.endsWith(visitors[i].conversationId))?.n ?? 0);
  }
  for (const turn of botDone) {
    if (is5xx(turn.status)) messages.errors5xx += 1;
    const replies = connector.posted.filter((p) => p.activity.type === 'message' && p.activity.replyToId === turn.id && isCrisisReply(p.activity.text)).length;
    count(messages, replies, escalations.find((e) => e.c.endsWith(turn.id.replace('activity', 'conversation')))?.n ?? 0);
  }
  const times = (turns) => turns.map((t) => `${t.status} in ${t.ms} ms`).join(', ');
  sms.notes.push(times(smsDone));
  webChat.notes.push(times(webDone));
  messages.notes.push(times(botDone));
  for (const r of [sms, webChat, messages]) r.notes.push(`readyz while locked ${ready.status}, after ${readyAfter.status}; all answered within ${answeredWithin} ms`);

  await host.stop();
  assert.equal(ready.status, 503, '/readyz reports the database while it refuses writes');
  assert.equal(readyAfter.status, 200);
  for (const r of [sms, webChat, messages]) assertClean(r);
});

// A staff reply to a patient whose channel is down: claim and reply answer (202 queued for the reply), never 5xx; once
// the channel is back the join notice and the reply arrive, each once.
// The variants run side by side, but each starts its host and sends its crisis in turn (2 cores).
let startGate = Promise.resolve();

async function staffReplyWhileDown(r, { channel, mode }) {
  let open;
  const previous = startGate;
  startGate = new Promise((resolve) => { open = resolve; });
  await previous;
  const folder = track(new DataFolder(`outage-${channel}-${mode}`), async () => folder.remove());
  const twilioApi = track(await fakeTwilio(), async () => twilioApi.close());
  const connector = track(await fakeConnector(), async () => connector.close());
  const staffAccount = { email: `nurse.${channel}.${mode}@clinic.example`, name: 'Nurse Joy', password: 'correct horse battery staple' };
  // The article index comes from the template; the account from the CLI, as a clinic adds one.
  const host = await newHost(folder, {
    'Sms:Twilio:ApiBaseUrl': twilioApi.url,
    'Sms:Twilio:RequestTimeout': '00:00:02',
    'Sms:Twilio:RetryDelay': '00:00:00.200',
    'BotFramework:ConnectorAttemptTimeout': '00:00:02',
  });
  await folder.addStaff(staffAccount);
  const fake = channel === 'sms' ? twilioApi : connector;
  const patient = '+19165555000';
  const conversationId = `outage-conversation-${mode}`;
  const deliveredTo = () => (channel === 'sms'
    ? twilioApi.to(patient).map((m) => m.body)
    : connector.messages(conversationId).map((p) => p.activity.text ?? ''));

  if (channel === 'sms') {
    const response = await smsWebhook(host.url, { sid: messageSid(), from: patient, body: crisis(mode === 'http503' ? 0 : 1) });
    if (is5xx(response.status)) r.errors5xx += 1;
  } else {
    const posted = await postActivity(host.url, channelMessage({ id: `outage-${mode}`, conversationId, text: crisis(mode === 'http503' ? 2 : 3), serviceUrl: connector.url }));
    if (is5xx(posted.status)) r.errors5xx += 1;
  }

  open();
  const staff = await signInStaff(host.url, staffAccount);
  const queue = await staff.get('/api/staff/escalations');
  const escalation = queue.body.find((e) => e.priority === 'urgent');
  assert.ok(escalation, 'the crisis is in the queue');

  fake.down = mode;
  const reply = `Hi, this is Joy from the clinic (${mode}). I am here with you. Are you safe right now?`;
  const claim = await staff.post(`/api/staff/escalations/${escalation.id}/claim`);
  const sent = await staff.post(`/api/staff/escalations/${escalation.id}/reply`, { text: reply });
  for (const status of [claim.status, sent.status]) if (is5xx(status)) r.errors5xx += 1;
  const refusedWhileDown = fake.refused;
  fake.down = false;

  await until(() => deliveredTo().some((t) => t === reply), 60_000, 'the queued reply').catch(() => null);
  // One more outbox round (every 5 s): a second copy would show now.
  await sleep(6_000);
  const opened = await staff.get(`/api/staff/escalations/${escalation.id}`);
  const replies = deliveredTo().filter((t) => t === reply).length;
  const joins = deliveredTo().filter((t) => /joined|se unió/i.test(t)).length;
  r.tried += 1;
  r.delivered += Math.min(replies, 1);
  r.kept += opened.status === 200 && opened.body.status === 'claimed' && opened.body.transcript.some((e) => e.text === reply) ? 1 : 0;
  r.duplicates += Math.max(0, replies - 1) + Math.max(0, joins - 1);
  r.notes.push(`${mode}: claim ${claim.status}, reply ${sent.status} ${JSON.stringify(sent.body)}, refused ${refusedWhileDown}, joins ${joins}, replies ${replies}`);
  await host.stop();
  return { claim, sent, joins };
}

test('Twilio REST API and the Bot Framework Connector down during staff replies, then back', async () => {
  const twilioRow = row('Twilio REST down (503, no answer): staff reply');
  const connectorRow = row('Connector down (503, reset): staff reply');
  rows.push(twilioRow, connectorRow);
  const results = await Promise.all([
    staffReplyWhileDown(twilioRow, { channel: 'sms', mode: 'http503' }),
    staffReplyWhileDown(twilioRow, { channel: 'sms', mode: 'hang' }),
    staffReplyWhileDown(connectorRow, { channel: 'bot', mode: 'http503' }),
    staffReplyWhileDown(connectorRow, { channel: 'bot', mode: 'reset' }),
  ]);
  for (const { claim, sent, joins } of results) {
    assert.equal(claim.status, 200, 'claim succeeds while the channel is down');
    assert.equal(sent.status, 202, 'the reply is accepted and queued');
    assert.deepEqual(sent.body, { delivered: false, queued: true });
    assert.equal(joins, 1, 'the join notice arrives once');
  }
  for (const r of [twilioRow, connectorRow]) assertClean(r);
});

test('the fault table: nothing lost, nothing twice, no 5xx', () => {
  const table = format(rows, 'Fault suite (tests/faults): real hosts, real crisis messages');
  console.log(`\n${table}`);
  save('faults.txt', `${table}\n${rows.map((r) => `${r.fault}: ${r.notes.join('; ')}`).join('\n')}\n`);
  for (const r of rows) {
    assert.ok(r.tried > 0, `${r.fault}: ran`);
    assertClean(r);
  }
});
