// The staff console: sign in, a live queue (server-sent events) with SLA countdowns, and a conversation view to
// claim, reply, resolve and erase a patient's data. It speaks only to /api/staff/; every POST carries the antiforgery token.
(() => {
  const $ = (id) => document.getElementById(id);
  let csrf = null;
  let queue = [];
  let openId = null;
  let me = null;

  async function token() {
    const response = await fetch('/api/staff/antiforgery', { credentials: 'same-origin' });
    csrf = (await response.json()).token;
  }

  async function api(path, options = {}) {
    const headers = { 'Content-Type': 'application/json', ...(options.headers || {}) };
    if (options.method === 'POST') headers['X-CSRF-TOKEN'] = csrf;
    const response = await fetch('/api/staff' + path, { credentials: 'same-origin', ...options, headers });
    if (response.status === 401) { showSignIn(); throw new Error('signed out'); }
    return response;
  }

  function showSignIn() {
    $('sign-in-panel').hidden = false;
    $('queue-panel').hidden = true;
    $('detail-panel').hidden = true;
    $('who').hidden = true;
  }

  async function showConsole() {
    $('sign-in-panel').hidden = true;
    $('queue-panel').hidden = false;
    $('who').hidden = false;
    $('who-name').textContent = me.name;
    await refreshQueue();
    listen();
  }

  function countdown(e) {
    const seconds = Math.round((new Date(e.dueAt) - Date.now()) / 1000);
    if (e.status === 'resolved') return 'resolved';
    if (seconds < 0) return `overdue ${Math.ceil(-seconds / 60)} min`;
    return seconds < 3600 ? `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')} left` : `${Math.round(seconds / 3600)} h left`;
  }

  function renderQueue() {
    const body = $('queue');
    body.replaceChildren();
    $('queue-empty').hidden = queue.length > 0;
    for (const e of queue) {
      const row = document.createElement('tr');
      row.tabIndex = 0;
      row.dataset.id = e.id;
      const cells = [e.priority, e.reason, e.patient, e.channel, e.status, e.assignee || '—', countdown(e)];
      cells.forEach((text, i) => {
        const cell = document.createElement('td');
        if (i === 0) { const badge = document.createElement('span'); badge.className = e.priority; badge.textContent = text; cell.append(badge); }
        else cell.textContent = text;
        if (i === 6 && new Date(e.dueAt) < Date.now() && e.status !== 'resolved') cell.className = 'overdue';
        row.append(cell);
      });
      row.addEventListener('click', () => openEscalation(e.id));
      row.addEventListener('keydown', (event) => { if (event.key === 'Enter') openEscalation(e.id); });
      body.append(row);
    }
  }

  async function refreshQueue() {
    queue = await (await api('/escalations')).json();
    renderQueue();
  }

  async function openEscalation(id) {
    openId = id;
    const e = await (await api('/escalations/' + encodeURIComponent(id))).json();
    $('detail-panel').hidden = false;
    // Why triage escalated: rule ids and model scores (e.g. "crisis.suicidal_ideation.indirect, model.crisis:0.93").
    const why = (e.triageReasons || []).length ? ` · why: ${e.triageReasons.join(', ')}` : '';
    $('detail-meta').textContent = `${e.priority} · ${e.reason} · ${e.patient} (${e.channel}) · ${e.status}${e.assignee ? ' by ' + e.assignee : ''} · ${countdown(e)}${why}`;
    const list = $('transcript');
    list.replaceChildren();
    for (const entry of e.transcript || []) {
      const item = document.createElement('li');
      item.className = entry.author;
      const meta = document.createElement('span');
      meta.className = 'meta';
      const sources = entry.sources && entry.sources.length ? ` · sources: ${entry.sources.join(', ')}` : '';
      meta.textContent = `${entry.author}${entry.route ? ' · route ' + entry.route : ''}${sources} · ${new Date(entry.at).toLocaleTimeString()}`;
      item.append(meta, document.createTextNode(entry.text));
      list.append(item);
    }
    const mine = e.status === 'claimed' && e.assignee === me.email;
    $('claim').disabled = e.status !== 'open';
    $('resolve').disabled = !mine;
    $('reply-form').querySelector('button').disabled = !mine;
  }

  async function act(path, body) {
    const response = await api(path, { method: 'POST', body: JSON.stringify(body || {}) });
    if (!response.ok && response.status !== 202) {
      const problem = await response.json().catch(() => ({}));
      $('detail-status').textContent = problem.detail || `Failed (${response.status})`;
      return false;
    }
    $('detail-status').textContent = response.status === 202 ? 'Saved to the transcript; the patient could not be reached in their channel right now.' : 'Done.';
    return true;
  }

  function listen() {
    const source = new EventSource('/api/staff/events');
    source.onopen = () => $('live').classList.remove('off');
    source.onerror = () => $('live').classList.add('off');
    source.onmessage = async (message) => {
      const change = JSON.parse(message.data);
      await refreshQueue();
      if (openId && change.escalationId === openId) await openEscalation(openId);
    };
  }

  $('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('sign-in-error').textContent = '';
    const response = await fetch('/api/staff/sign-in', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': csrf },
      body: JSON.stringify({ email: $('email').value, password: $('password').value }),
    });
    if (!response.ok) { $('sign-in-error').textContent = (await response.json().catch(() => ({}))).detail || 'Sign-in failed.'; return; }
    me = await response.json();
    $('password').value = '';
    await token();
    await showConsole();
  });

  $('sign-out').addEventListener('click', async () => { await api('/sign-out', { method: 'POST' }); location.reload(); });
  $('claim').addEventListener('click', async () => { if (await act(`/escalations/${openId}/claim`)) await openEscalation(openId); });
  $('resolve').addEventListener('click', async () => { if (await act(`/escalations/${openId}/resolve`)) await openEscalation(openId); });
  // "Forget me" on the patient's behalf (audited under your account): an open escalation stays, its transcript erased.
  $('erase').addEventListener('click', async () => {
    if (!confirm("Erase every message of this patient on this channel? This can't be undone.")) return;
    const id = openId;
    if (!(await act(`/escalations/${encodeURIComponent(id)}/erase`))) return;
    await refreshQueue();
    if ((await api('/escalations/' + encodeURIComponent(id))).ok) await openEscalation(id);
    else { $('detail-panel').hidden = true; openId = null; }
  });
  $('reply-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (await act(`/escalations/${openId}/reply`, { text: $('reply-text').value })) { $('reply-text').value = ''; await openEscalation(openId); }
  });

  setInterval(renderQueue, 1000);
  setInterval(() => { if (me) refreshQueue().catch(() => {}); }, 30000);

  (async () => {
    await token();
    const response = await fetch('/api/staff/me', { credentials: 'same-origin' });
    if (response.ok) { me = await response.json(); await showConsole(); } else showSignIn();
  })();
})();
