// The browser client's page: login, rooms, messages, direct messages, presence and typing, on top of Connection.
// Every user-supplied string reaches the page through textContent, never as HTML.
import { Connection } from './connection.js';

const $ = (id) => document.getElementById(id);
const api = (path, options = {}) => fetch(new URL('api/' + path, document.baseURI), {
  credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, ...options,
});

let me = null;
let connection = null;
let current = null;
const rooms = new Map(); // room -> { messages: Map(seq -> message), members: Set, pending: Map(id -> text) }
const typingTimers = new Map();
let lastTyping = 0;
let keepalive = null;
const KEEPALIVE_MS = 5 * 60 * 1000;

function room(name) {
  if (!rooms.has(name)) rooms.set(name, { messages: new Map(), members: new Set(), pending: new Map() });
  return rooms.get(name);
}

function inbox() {
  return '@' + me;
}

async function boot() {
  const answer = await api('session');
  if (answer.ok) start((await answer.json()).user);
}

$('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const answer = await api('session', {
    method: 'POST', body: JSON.stringify({ user: form.get('user'), password: form.get('password') }),
  });
  if (answer.ok) {
    $('login-error').textContent = '';
    start((await answer.json()).user);
  } else {
    $('login-error').textContent = answer.status === 401 ? 'Wrong user or password.' : 'Login failed.';
  }
});

$('logout').addEventListener('click', async () => {
  await api('session', { method: 'DELETE' });
  stop();
});

function start(user) {
  me = user;
  $('me').textContent = user;
  $('login').hidden = true;
  $('chat').hidden = false;
  $('logout').hidden = false;
  connection = new Connection();
  connection.addEventListener('state', (e) => badge(e.detail.state, e.detail.node));
  connection.addEventListener('joined', (e) => joined(e.detail));
  connection.addEventListener('message', (e) => message(e.detail));
  connection.addEventListener('history', (e) => e.detail.messages.forEach(message));
  connection.addEventListener('presence', (e) => presence(e.detail));
  connection.addEventListener('typing', (e) => typing(e.detail));
  connection.addEventListener('error', (e) => notice(e.detail));
  connection.addEventListener('ended', stop);
  connection.addEventListener('welcome', (e) => heartbeat(e.detail.heartbeat));
  connection.start();
  // A WebSocket does not keep its HTTP session alive: touch it while chatting, so that it outlives its timeout
  // and a resume after a crash still finds the login. A 401 means the session ended elsewhere.
  keepalive = setInterval(async () => {
    const answer = await api('session');
    if (answer.status === 401) stop();
  }, KEEPALIVE_MS);
  connection.join(inbox());
  open('general');
  refreshRooms();
}

function stop() {
  clearInterval(keepalive);
  if (connection) connection.stop();
  connection = null;
  rooms.clear();
  current = null;
  $('chat').hidden = true;
  $('logout').hidden = true;
  $('login').hidden = false;
  $('me').textContent = '';
  badge('offline', null);
}

function badge(state, node) {
  const el = $('badge');
  el.dataset.state = state;
  el.textContent = node ? `${state} · ${node}` : state;
}

// How often the server checks the link (a tooltip on the badge; the page gives up a server silent longer than both).
function heartbeat(beat) {
  const el = $('badge');
  el.dataset.heartbeat = beat ? `${beat.interval}/${beat.timeout}` : '';
  el.title = beat ? `The server checks this connection every ${beat.interval / 1000} s.` : '';
}

function open(name) {
  current = name;
  room(name);
  if (!connection.rooms.has(name)) connection.join(name);
  $('title').textContent = name.startsWith('@') ? `Direct messages of ${name.slice(1)}` : `# ${name}`;
  renderRooms();
  renderMessages();
  renderMembers();
}

async function refreshRooms() {
  const answer = await api('rooms');
  if (answer.ok) {
    for (const r of (await answer.json()).rooms) room(r.room);
    renderRooms();
  }
  setTimeout(() => connection && refreshRooms(), 15000);
}

function renderRooms() {
  const list = $('rooms');
  list.replaceChildren();
  for (const name of [...rooms.keys()].sort()) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.textContent = name.startsWith('@') ? (name === inbox() ? 'direct messages' : name) : `# ${name}`;
    button.setAttribute('aria-current', String(name === current));
    button.addEventListener('click', () => open(name));
    item.append(button);
    list.append(item);
  }
}

$('join-room').addEventListener('submit', (event) => {
  event.preventDefault();
  open(event.target.room.value.trim());
  event.target.reset();
});

$('direct').addEventListener('submit', (event) => {
  event.preventDefault();
  const to = event.target.to.value.trim();
  event.target.reset();
  open(inbox());
  $('compose').dataset.to = to;
  $('compose').text.placeholder = `Message to ${to}`;
});

$('compose').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = event.target.text.value;
  if (!text.trim() || !current) return;
  let id;
  if (current === inbox()) {
    const to = event.target.dataset.to;
    if (!to) return notice({ code: 'bad_request', message: 'Open a direct conversation with a user first.' });
    id = connection.direct(to, text);
  } else {
    id = connection.say(current, text);
  }
  room(current).pending.set(id, text);
  event.target.reset();
  renderMessages();
});

$('compose').text.addEventListener('input', () => {
  const now = Date.now();
  if (current && !current.startsWith('@') && now - lastTyping > 3000) {
    lastTyping = now;
    connection.send({ type: 'typing', room: current });
  }
});

$('messages').addEventListener('scroll', () => {
  if ($('messages').scrollTop > 0 || !current) return;
  const seqs = [...room(current).messages.keys()];
  const oldest = seqs.length ? Math.min(...seqs) : null;
  if (oldest > 1) connection.send({ type: 'history', room: current, before: oldest, limit: 50 });
});

function joined(frame) {
  const r = room(frame.room);
  r.members = new Set(frame.members);
  if (frame.room === current) renderMembers();
  renderRooms();
}

function message(m) {
  const r = room(m.room);
  r.messages.set(m.seq, m);
  r.pending.delete(m.id);
  if (m.room === current) renderMessages();
  else renderRooms();
}

function presence(p) {
  const r = room(p.room);
  if (p.status === 'online') r.members.add(p.user);
  else r.members.delete(p.user);
  if (p.room === current) renderMembers();
}

function typing(t) {
  if (t.room !== current) return;
  $('typing').textContent = `${t.user} is typing…`;
  clearTimeout(typingTimers.get('shown'));
  typingTimers.set('shown', setTimeout(() => { $('typing').textContent = ''; }, 4000));
}

function notice(error) {
  if (error.ref && error.code !== 'rate_limited') {
    for (const r of rooms.values()) r.pending.delete(error.ref);
    renderMessages();
  }
  $('typing').textContent = `${error.code}: ${error.message}`;
}

function renderMessages() {
  const list = $('messages');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  const r = room(current);
  list.replaceChildren();
  for (const seq of [...r.messages.keys()].sort((a, b) => a - b)) list.append(line(r.messages.get(seq)));
  for (const [id, text] of r.pending) list.append(line({ id, from: me, text, ts: null }, true));
  if (atBottom) list.scrollTop = list.scrollHeight;
}

function line(m, pending = false) {
  const item = document.createElement('li');
  item.dataset.seq = m.seq ?? '';
  item.dataset.id = m.id;
  if (pending) item.className = 'pending';
  const time = document.createElement('time');
  if (m.ts) {
    time.dateTime = m.ts;
    time.textContent = new Date(m.ts).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }
  const from = document.createElement('span');
  from.className = 'from';
  from.textContent = m.to ? `${m.from} → ${m.to}` : m.from;
  const text = document.createElement('span');
  text.className = 'text';
  text.textContent = m.text;
  item.append(time, from, text);
  return item;
}

function renderMembers() {
  const list = $('members');
  list.replaceChildren();
  for (const user of [...room(current).members].sort()) {
    const item = document.createElement('li');
    item.textContent = user;
    list.append(item);
  }
}

boot();
