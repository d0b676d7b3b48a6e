// Load generator: N concurrent conversations x M turns through /api/messages with expectReplies, against a running host.
// Usage: node load.mjs [baseUrl=http://127.0.0.1:3978] [conversations=200] [turns=50]
import { randomUUID } from 'node:crypto';

const [baseUrl = 'http://127.0.0.1:3978', conversations = '200', turns = '50'] = process.argv.slice(2);
const questions = [
  'What are the side effects of ketamine therapy?',
  'What is a ketamine session like?',
  'How does ketamine work for depression?',
  'Is ketamine therapy safe?',
  'how long is a sesh',
  'thanks!',
];

const latencies = [];
let failures = 0;

async function conversation(index) {
  const conversation = { id: `load-${index}-${randomUUID()}` };
  for (let turn = 0; turn < Number(turns); turn++) {
    const activity = {
      type: 'message', id: randomUUID(), channelId: 'webchat', deliveryMode: 'expectReplies', conversation,
      from: { id: `user-${index}` }, recipient: { id: 'clinicbot' }, text: questions[(index + turn) % questions.length],
    };
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/messages`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity),
    });
    const body = await response.json();
    latencies.push(performance.now() - started);
    if (response.status !== 200 || !body.activities?.[0]?.entities?.some((e) => e.type === 'clinicbot/reply')) failures++;
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: Number(conversations) }, (_, i) => conversation(i)));
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
console.log(`${latencies.length} turns (${conversations} conversations x ${turns}) in ${seconds.toFixed(1)} s: ${(latencies.length / seconds).toFixed(0)} turns/s; `
  + `latency p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms; failures ${failures}`);
process.exitCode = failures ? 1 : 0;
