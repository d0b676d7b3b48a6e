// Local stand-ins for what the host talks to: Twilio's REST API, a Bot Framework channel's Connector, an LLM that never
// answers, and a second SQLite connection that holds the database's write lock. Each records what it is sent and can
// be taken down and brought back.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';

function listen(handler) {
  const server = createServer(handler);
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return new Promise((res) => server.listen(0, '127.0.0.1', () => res({
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((done) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => done());
    }),
  })));
}

function readBody(req) {
  return new Promise((res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => res(body));
  });
}

/**
 * How a fake behaves while down: 'http503' answers 503 (Service Unavailable), 'reset' drops the connection without a
 * response (unreachable), 'hang' never answers.
 */
function refuse(mode, req, res) {
  if (mode === 'reset') {
    req.socket.destroy();
  } else if (mode === 'hang') {
    req.resume();
  } else {
    res.writeHead(503, { 'content-type': 'application/json' }).end('{"code":20503,"message":"Service Unavailable"}');
  }
}

/**
 * Twilio's Messages API: records each text it takes ({ to, body }) and lists a number's messages newest first, those
 * Twilio made from a webhook's TwiML answer (`fake.twiml(to, body)`) included; `down` is false or a refusal mode.
 */
export async function fakeTwilio() {
  const fake = { sent: [], created: [], refused: 0, down: false };
  const create = (to, body, direction) => {
    const message = { sid: `SM${String(fake.created.length + 1).padStart(32, '0')}`, to, body, direction, date_created: rfc2822(new Date()) };
    fake.created.push(message);
    return message;
  };
  const server = await listen(async (req, res) => {
    const body = await readBody(req);
    if (fake.down) {
      fake.refused += 1;
      refuse(fake.down, req, res);
      return;
    }
    const url = new URL(req.url, 'http://twilio');
    if (req.method === 'GET') {
      const messages = fake.created.filter((m) => m.to === url.searchParams.get('To')).reverse();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messages, uri: url.pathname, page: 0, page_size: 20, next_page_uri: null }));
      return;
    }
    const form = Object.fromEntries(new URLSearchParams(body));
    fake.sent.push({ path: req.url, to: form.To, body: form.Body ?? '' });
    const message = create(form.To, form.Body ?? '', 'outbound-api');
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sid: message.sid, status: 'queued' }));
  });
  fake.url = server.url;
  fake.close = server.close;
  fake.to = (number) => fake.sent.filter((m) => m.to === number);
  fake.twiml = (to, body) => { if (body) create(to, body, 'outbound-reply'); };
  return fake;
}

// Twilio's dates: "Mon, 30 Nov 2026 09:00:00 +0000".
const rfc2822 = (date) => date.toUTCString().replace('GMT', '+0000');

/** A Bot Framework channel's Connector: records every activity the bot posts; `down` is false or a refusal mode. */
export async function fakeConnector() {
  const fake = { posted: [], refused: 0, down: false };
  let next = 0;
  const server = await listen(async (req, res) => {
    const body = await readBody(req);
    if (fake.down) {
      fake.refused += 1;
      refuse(fake.down, req, res);
      return;
    }
    let activity = {};
    try { activity = JSON.parse(body || '{}'); } catch { /* recorded as empty */ }
    fake.posted.push({ path: req.url, activity, at: Date.now() });
    next += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `reply-${next}` }));
  });
  fake.url = server.url;
  fake.close = server.close;
  /** Message activities posted to a conversation. */
  fake.messages = (conversationId) => fake.posted.filter((p) => p.activity.type === 'message' && p.activity.conversation?.id === conversationId);
  return fake;
}

/** An OpenAI-compatible endpoint that takes requests and never answers them: a turn that reaches it waits. */
export async function hangingLlm() {
  const fake = { calls: 0 };
  const server = await listen((req) => { fake.calls += 1; req.resume(); });
  fake.url = server.url;
  fake.close = server.close;
  return fake;
}

/**
 * A second connection (the sqlite3 CLI) holding the database's write lock (BEGIN EXCLUSIVE): reads still work (WAL),
 * every write of the host waits out its busy timeout and fails. Resolves once the lock is held.
 */
export async function holdWriteLock(database) {
  const cli = spawn('sqlite3', [database], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((r) => cli.once('exit', r));
  let out = '';
  cli.stdout.setEncoding('utf8');
  cli.stdout.on('data', (chunk) => { out += chunk; });
  cli.stdin.write('.timeout 10000\nBEGIN EXCLUSIVE;\nSELECT \'locked\';\n');
  const deadline = Date.now() + 15_000;
  while (!out.includes('locked')) {
    if (Date.now() > deadline || cli.exitCode !== null) throw new Error('could not take the write lock');
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    /** Rolls back and closes the connection: writes go through again. */
    async release() {
      cli.stdin.end('ROLLBACK;\n.quit\n');
      await exited;
    },
  };
}
