// A load run with a kill -9 in the middle: 50 Web Chat visitors (Direct Line, as the clinic page's widget drives it)
// send 20 messages each, all at once, to one host. Half-way through the host is killed with SIGKILL and started again
// on the same database and port; a visitor whose message got no answer reconnects and, as Web Chat does, resends it
// only when its echo never reached the conversation. Every message must get exactly one reply (matched by replyToId).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { DataFolder, startHost, freePort, sleep } from './support/host.mjs';
import { webChatVisitor, postMessage } from './support/clients.mjs';
import { save } from './support/table.mjs';

const conversations = 50;
const messagesEach = 20;

const questions = [
  'how long does one infusion session take?',
  'is ketamine therapy covered by insurance?',
  'what side effects should I expect after the infusion?',
  'can I drive home after my appointment?',
  'how many sessions do people usually need?',
  'do I need to fast before the treatment?',
  'what does the science say about how ketamine works?',
  'is it safe if I take an SSRI?',
  'where is the clinic and when are you open?',
  'thanks, that helps',
  '¿cuánto dura cada sesión?',
  'does it help with PTSD?',
];
const staffRequests = ['can someone from the clinic call me about rescheduling?', 'I want to talk to a real person please', 'quiero hablar con alguien del equipo'];
const crises = ['i took all my sleeping pills about 20 min ago', "I can't do this anymore, I have the rope ready", 'ya no quiero vivir, tengo las pastillas aquí'];

// Message j of conversation c: mostly questions; one conversation in five has a crisis, one in four asks for staff.
function textOf(c, j) {
  if (c % 5 === 0 && j === 9) return crises[c % crises.length];
  if (c % 4 === 1 && j === 5) return staffRequests[c % staffRequests.length];
  return questions[(c * 7 + j) % questions.length];
}

const cleanup = [];
after(async () => {
  for (const undo of cleanup.reverse()) await undo().catch(() => {});
});

// The activities of a visitor's conversation after a watermark (all of them by default), paging; the visitor keeps the
// last watermark seen in `watermark`.
async function allActivities(visitor, from = -1) {
  const all = [];
  let watermark = from;
  for (;;) {
    const response = await fetch(`${visitor.domain}/conversations/${visitor.conversationId}/activities?watermark=${watermark}`, { headers: visitor.auth });
    if (!response.ok) throw new Error(`GET activities answered ${response.status}`);
    const set = await response.json();
    all.push(...set.activities);
    if (set.activities.length === 0 || String(set.watermark) === String(watermark)) {
      visitor.watermark = Number(watermark);
      return all;
    }
    watermark = set.watermark;
  }
}

test('50 Web Chat conversations × 20 messages with a kill -9 in the middle: every message answered once', async () => {
  const folder = new DataFolder('load');
  cleanup.push(async () => folder.remove());
  const port = await freePort();
  let host = await startHost(folder, {}, { port, smsEnabled: false });
  cleanup.push(() => host.kill());

  const total = conversations * messagesEach;
  const stats = { sent: 0, posts: 0, resent: 0, failedConnections: 0, errors5xx: 0, other: [] };
  let killAt = null;
  let killedAt = 0;
  let restartMs = null;
  let restarting = null;

  // Kills the host once half the messages have gone out, then starts it again on the same database and port.
  async function killAndRestart() {
    killedAt = Date.now();
    await host.kill();
    killAt = (killedAt - started) / 1000;
    host = await startHost(folder, {}, { port, smsEnabled: false });
    restartMs = Date.now() - killedAt;
  }

  const visitors = [];
  for (let c = 0; c < conversations; c++) visitors.push(await webChatVisitor(host.url, c % 6 === 3 ? 'es-MX' : 'en-US'));
  for (const v of visitors) v.socket.terminate(); // this run reads the conversation with GET, as the polling widget does

  async function conversation(c) {
    const visitor = visitors[c];
    for (let j = 0; j < messagesEach; j++) {
      const clientActivityID = `load-${c}-${j}`;
      stats.sent += 1;
      if (stats.sent === Math.floor(total / 2) && !restarting) restarting = killAndRestart();
      let id = null;
      for (let attempt = 0; id === null; attempt++) {
        if (attempt > 600) throw new Error(`${clientActivityID} never taken`);
        if (attempt > 0) stats.resent += 1;
        stats.posts += 1;
        const posted = await postMessage(visitor, textOf(c, j), clientActivityID);
        if (posted.status === 200) {
          id = JSON.parse(posted.body).id;
          break;
        }
        if (posted.status === 0) stats.failedConnections += 1;
        else if (posted.status >= 500) stats.errors5xx += 1;
        else stats.other.push(`${clientActivityID}: ${posted.status}`);
        // No answer: once the host is back, Web Chat sees whether its echo arrived; only a message never taken is sent again.
        for (;;) {
          await sleep(100);
          try {
            const echo = (await allActivities(visitor)).find((a) => a.channelData?.clientActivityID === clientActivityID);
            id = echo?.id ?? null;
            break;
          } catch {
            // the host is still down
          }
        }
      }
      // The reply: at once for a turn the POST ran, later for one the restarted host recovers.
      const deadline = Date.now() + 60_000;
      const from = visitor.watermark ?? -1;
      while (Date.now() < deadline) {
        const activities = await allActivities(visitor, from).catch(() => []);
        if (activities.some((a) => a.type === 'message' && a.from?.role === 'bot' && a.replyToId === id)) break;
        await sleep(200);
      }
    }
  }

  const started = Date.now();
  await Promise.all(Array.from({ length: conversations }, (_, c) => conversation(c)));
  await restarting;
  const elapsed = (Date.now() - started) / 1000;
  // A turn still running (recovered) has had time; a late second reply would show now.
  await sleep(2_000);

  // Per message (clientActivityID): the echoes the conversation holds and the bot's replies to them.
  const replies = new Map();
  let strays = 0;
  for (const visitor of visitors) {
    const activities = await allActivities(visitor);
    const cidOf = new Map(activities.filter((a) => a.from?.role === 'user' && a.type === 'message').map((a) => [a.id, a.channelData?.clientActivityID]));
    for (const a of activities) {
      if (a.type !== 'message' || a.from?.role !== 'bot' || !a.replyToId) continue;
      const cid = cidOf.get(a.replyToId);
      if (!cid) { strays += 1; continue; }
      replies.set(cid, [...(replies.get(cid) ?? []), a.timestamp]);
    }
  }
  const ids = Array.from({ length: conversations }, (_, c) => Array.from({ length: messagesEach }, (__, j) => `load-${c}-${j}`)).flat();
  const answered = ids.filter((id) => replies.has(id)).length;
  const duplicates = ids.reduce((n, id) => n + Math.max(0, (replies.get(id)?.length ?? 0) - 1), 0);
  const lostIds = ids.filter((id) => !replies.has(id));
  const twice = ids.filter((id) => (replies.get(id)?.length ?? 0) > 1);
  const urgent = folder.query("SELECT count(*) AS n FROM escalations WHERE priority = 'urgent'")[0].n;
  const crisesSent = Array.from({ length: conversations }, (_, c) => c).filter((c) => c % 5 === 0).length;

  const line = `load: ${ids.length} turns sent (${conversations} Web Chat conversations × ${messagesEach}), answered ${answered}, duplicates ${duplicates}, `
    + `lost ${lostIds.length}, 5xx ${stats.errors5xx}, resent ${stats.resent} (${stats.failedConnections} connection failures), `
    + `kill -9 at ${killAt?.toFixed(1)} s, restart ${(restartMs / 1000).toFixed(1)} s, ${(ids.length / elapsed).toFixed(1)} turns/s over ${elapsed.toFixed(1)} s; `
    + `urgent escalations ${urgent} for ${crisesSent} crises`;
  console.log(`\n${line}`);
  save('load.txt', `${line}\nlost: ${lostIds.join(' ')}\ntwice: ${twice.map((id) => `${id} (${replies.get(id).join(', ')})`).join('; ')}\nother statuses: ${stats.other.join(' ')}\n`);
  await host.stop();

  assert.ok(killAt !== null, 'the host was killed mid-run');
  assert.equal(lostIds.length, 0, `lost: ${lostIds.join(' ')}`);
  assert.equal(duplicates, 0, `answered twice: ${twice.join(' ')}`);
  assert.equal(strays, 0, 'no reply to a message never sent');
  assert.equal(stats.errors5xx, 0, 'no 5xx');
  assert.deepEqual(stats.other, [], 'no other refusals');
  assert.equal(urgent, crisesSent, 'each crisis escalated once');
});
