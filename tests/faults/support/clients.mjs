// The host's callers, as the fault suite plays them: a Web Chat visitor on Direct Line (token, conversation, WebSocket
// stream, posts), a Bot Framework channel on /api/messages, and a signed-in staff member on the console's API.
import WebSocket from 'ws';

/** A Web Chat visitor's Direct Line conversation: every activity its stream delivers is kept in `seen`. */
export async function webChatVisitor(hostUrl, locale = 'en-US') {
  const response = await fetch(`${hostUrl}/api/webchat/token`, { method: 'POST' });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  const session = await response.json();
  const visitor = {
    conversationId: session.conversationId,
    userId: session.userId,
    token: session.token,
    domainPath: new URL(session.domain).pathname,
    hostUrl,
    seen: new Map(),
    socket: null,
    get auth() { return { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' }; },
    get domain() { return `${this.hostUrl}${this.domainPath}`; },
  };
  const started = await fetch(`${visitor.domain}/conversations`, { method: 'POST', headers: visitor.auth, body: JSON.stringify({ locale }) });
  if (started.status !== 201 && started.status !== 200) throw new Error(`starting the conversation answered ${started.status}`);
  await connect(visitor, (await started.json()).streamUrl);
  return visitor;
}

// Opens the conversation's WebSocket stream; activity sets arrive as JSON text frames.
function connect(visitor, streamUrl) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(streamUrl);
    visitor.socket = socket;
    socket.on('message', (data) => {
      const text = data.toString();
      if (!text.trim()) return;
      for (const activity of JSON.parse(text).activities ?? []) visitor.seen.set(activity.id, activity);
    });
    socket.once('open', () => resolve());
    socket.once('error', reject);
    socket.on('error', () => { /* the host was killed: the stream is gone until reconnect */ });
  });
}

/** After the host restarted (maybe on another port): Web Chat's reconnect, a new stream from the last watermark. */
export async function reconnect(visitor, hostUrl) {
  visitor.socket?.terminate();
  visitor.hostUrl = hostUrl;
  const response = await fetch(`${visitor.domain}/conversations/${visitor.conversationId}?watermark=-1`, { headers: visitor.auth });
  if (!response.ok) throw new Error(`reconnect answered ${response.status}`);
  await connect(visitor, (await response.json()).streamUrl);
}

/** Posts a message as Web Chat does (a clientActivityID in channelData); resolves to the response or the network error. */
export function postMessage(visitor, text, clientActivityID) {
  return fetch(`${visitor.domain}/conversations/${visitor.conversationId}/activities`, {
    method: 'POST',
    headers: visitor.auth,
    body: JSON.stringify({ type: 'message', text, from: { id: visitor.userId }, channelData: { clientActivityID } }),
  }).then(async (r) => ({ status: r.status, body: await r.text() }), (error) => ({ status: 0, error }));
}

/** The conversation's activities as stored (GET, all of them). */
export async function storedActivities(visitor) {
  const response = await fetch(`${visitor.domain}/conversations/${visitor.conversationId}/activities`, { headers: visitor.auth });
  if (!response.ok) throw new Error(`GET activities answered ${response.status}`);
  return (await response.json()).activities;
}

/** The bot's messages the visitor has seen (stream), by id. */
export function botMessages(visitor) {
  return [...visitor.seen.values()].filter((a) => a.type === 'message' && a.from?.role === 'bot');
}

/** A message activity from a Bot Framework channel whose Connector is at `serviceUrl` (anonymous mode, loopback). */
export function channelMessage({ id, conversationId, text, serviceUrl, locale = 'en-US', user = 'patient' }) {
  return {
    type: 'message', id, channelId: 'msteams', serviceUrl, locale, text,
    timestamp: new Date().toISOString(),
    conversation: { id: conversationId }, from: { id: `${user}-${conversationId}`, role: 'user' }, recipient: { id: 'clinicbot', role: 'bot' },
  };
}

/** Posts an activity to /api/messages; resolves to { status } (0 when the connection failed). */
export function postActivity(hostUrl, activity) {
  return fetch(`${hostUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) })
    .then(async (r) => { await r.arrayBuffer(); return { status: r.status }; }, (error) => ({ status: 0, error }));
}

/** A staff member on the console's API: cookies kept, the antiforgery token sent on every POST. */
export async function signInStaff(hostUrl, { email, password }) {
  const cookies = new Map();
  const keep = (response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
    }
  };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const antiforgery = async () => {
    const response = await fetch(`${hostUrl}/api/staff/antiforgery`, { headers: { cookie: cookieHeader() } });
    keep(response);
    return (await response.json()).token;
  };
  const staff = {
    async get(path) {
      const response = await fetch(`${hostUrl}${path}`, { headers: { cookie: cookieHeader() } });
      keep(response);
      return { status: response.status, body: response.status === 200 ? await response.json() : await response.text() };
    },
    async post(path, body = {}) {
      const token = await antiforgery();
      const response = await fetch(`${hostUrl}${path}`, {
        method: 'POST',
        headers: { cookie: cookieHeader(), 'content-type': 'application/json', 'x-csrf-token': token },
        body: JSON.stringify(body),
      });
      keep(response);
      const text = await response.text();
      let json = null;
      try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
      return { status: response.status, body: json ?? text };
    },
  };
  const signedIn = await staff.post('/api/staff/sign-in', { email, password });
  if (signedIn.status !== 200) throw new Error(`sign-in answered ${signedIn.status}`);
  return staff;
}
