// The admin cluster page: polls api/admin/cluster every two seconds; rates come from the change between two polls.
const $ = (id) => document.getElementById(id);
const history = []; // [{ at, rate }] of the whole cluster's messages in per second, last two minutes
let previous = null;

function cell(row, text, numeric = false) {
  const td = document.createElement('td');
  td.textContent = String(text); // all text, never HTML
  if (numeric) td.className = 'n';
  row.append(td);
}

function perSecond(now, before, key, value, at) {
  if (!before || !(key in before.values)) return 0;
  const seconds = (at - before.at) / 1000;
  return seconds > 0 ? Math.max(0, (value - before.values[key]) / seconds) : 0;
}

function render(data) {
  const at = data.now;
  const values = {};
  const servers = $('servers').tBodies[0];
  servers.replaceChildren();
  let clusterRate = 0;
  for (const s of data.servers) {
    const rate = perSecond(at, previous, `in:${s.node}`, s.messagesIn, at);
    clusterRate += rate;
    values[`in:${s.node}`] = s.messagesIn;
    const row = servers.insertRow();
    row.dataset.node = s.node;
    cell(row, s.node);
    cell(row, s.connections, true);
    cell(row, s.messagesIn, true);
    cell(row, s.messagesOut, true);
    cell(row, rate.toFixed(1), true);
    cell(row, s.resumed, true);
    cell(row, s.fresh, true);
  }
  const rooms = $('rooms').tBodies[0];
  rooms.replaceChildren();
  for (const r of data.rooms) {
    values[`room:${r.room}`] = r.seq;
    const row = rooms.insertRow();
    cell(row, r.room);
    cell(row, r.seq, true);
    cell(row, r.online, true);
    cell(row, perSecond(at, previous, `room:${r.room}`, r.seq, at).toFixed(1), true);
  }
  const changes = data.failovers.length ? data.failovers : ['none since this server started'];
  $('failovers').replaceChildren(...changes.map((f) => {
    const li = document.createElement('li');
    li.textContent = f;
    return li;
  }));
  if (previous) history.push({ at, rate: clusterRate });
  while (history.length && at - history[0].at > 120000) history.shift();
  previous = { at, values };
  chart();
  const badge = $('updated');
  badge.textContent = `${data.servers.length} servers · ${new Date(at).toLocaleTimeString()}`;
  badge.dataset.state = 'connected';
}

function chart() {
  const canvas = $('rate');
  const g = canvas.getContext('2d');
  const { width, height } = canvas;
  g.clearRect(0, 0, width, height);
  const max = Math.max(1, ...history.map((p) => p.rate));
  g.fillStyle = '#6b7280';
  g.font = '11px system-ui';
  g.fillText(`${max.toFixed(1)}/s`, 4, 12);
  g.strokeStyle = '#4f46e5';
  g.lineWidth = 2;
  g.beginPath();
  const now = history.length ? history[history.length - 1].at : 0;
  history.forEach((p, i) => {
    const x = width - ((now - p.at) / 120000) * width;
    const y = height - (p.rate / max) * (height - 16);
    if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
  });
  g.stroke();
}

async function poll() {
  try {
    const answer = await fetch('../api/admin/cluster', { credentials: 'same-origin' });
    if (answer.status === 401) { location.href = '../'; return; }
    if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
    render(await answer.json());
  } catch (e) {
    const badge = $('updated');
    badge.textContent = `no answer (${e.message}); retrying`;
    badge.dataset.state = 'reconnecting';
  }
}

poll();
setInterval(poll, 2000);
