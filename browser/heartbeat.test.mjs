// The browser client notices a server that went silent: its page talks to a node through a TCP proxy on loopback that
// stops passing anything on in either direction and never closes (a frozen node, a link that died without a FIN).
// Without the client's own watch the page would say "connected" for ever; with it, it gives the socket up after the
// heartbeat interval plus its timeout, reconnects (a new connection through the proxy passes again) and resumes, and
// shows what was said meanwhile once, in order. Needs ./chorus up; screenshots of a failure go to browser/target/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import { chromium } from 'playwright-core';
import { join, login, say } from './chat-page.mjs';

const NODES = { node1: 'http://127.0.0.1:8180/chorus/', node2: 'http://127.0.0.1:8280/chorus/' };
const SHOTS = new URL('./target/', import.meta.url).pathname;

/** A proxy to `target` whose existing connections can be frozen; connections made afterwards pass again. */
function freezingProxy(target) {
  const live = new Set();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.hostname);
    const pair = { frozen: false, client, upstream };
    live.add(pair);
    const pass = (from, to) => {
      from.on('data', (chunk) => { if (!pair.frozen) to.write(chunk); });
      from.on('end', () => { if (!pair.frozen) to.end(); });
      from.on('error', () => { if (!pair.frozen) to.destroy(); });
    };
    pass(client, upstream);
    pass(upstream, client);
  });
  return {
    listen: () => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port))),
    freeze: () => { for (const pair of live) pair.frozen = true; live.clear(); },
    close: () => { server.close(); },
  };
}

/** The nodes that serve /chorus now (another test may have killed one), by name. */
async function liveNodes() {
  const live = [];
  for (const [name, url] of Object.entries(NODES)) {
    try {
      const answer = await fetch(new URL('api/session', url), { signal: AbortSignal.timeout(3000) });
      if (answer.status === 401) live.push(name);
    } catch {
      // down
    }
  }
  return live;
}

test('a page whose server goes silent gives it up, reconnects and resumes with nothing lost', async () => {
  const live = await liveNodes();
  assert.ok(live.length > 0, 'a node serves /chorus');
  const [target, other] = [live[0], live.at(-1)];
  const proxy = freezingProxy(new URL(NODES[target]));
  const port = await proxy.listen();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const pages = [];
  try {
    const alice = await login(browser, `http://127.0.0.1:${port}/chorus/`, 'alice');
    pages.push(alice);
    const bob = await login(browser, NODES[other], 'bob');
    pages.push(bob);
    // The heartbeat the server announced in its welcome, as the page shows it on its badge ("interval/timeout").
    const [interval, timeout] = (await alice.getAttribute('#badge', 'data-heartbeat')).split('/').map(Number);
    const heartbeat = { interval, timeout };
    const room = `heartbeat-${Date.now()}`;
    await join(alice, room);
    await join(bob, room);
    await say(bob, 'before');
    await alice.waitForFunction(() => [...document.querySelectorAll('#messages .text')]
      .some((e) => e.textContent === 'before'));

    proxy.freeze();
    const frozen = Date.now();
    const during = ['while silent 1', 'while silent 2', 'while silent 3'];
    for (const text of during) await say(bob, text);
    const bound = heartbeat.interval + heartbeat.timeout + 10000;
    await alice.waitForFunction(() => document.getElementById('badge').dataset.state === 'reconnecting', null,
      { timeout: bound });
    const gaveUp = Date.now() - frozen;
    assert.ok(gaveUp >= heartbeat.interval, `not before a heartbeat interval of silence (${gaveUp} ms)`);
    await alice.waitForFunction((n) => document.getElementById('badge').textContent === `resumed · ${n}`, target,
      { timeout: 20000 });
    await alice.waitForFunction((last) => [...document.querySelectorAll('#messages li:not(.pending) .text')]
      .some((e) => e.textContent === last), during.at(-1), { timeout: 15000 });
    console.log(`alice's page gave up its silent server ${gaveUp} ms after the link froze (heartbeat`
      + ` ${heartbeat.interval} + ${heartbeat.timeout} ms) and showed the messages sent meanwhile`
      + ` ${Date.now() - frozen} ms after it`);
    const texts = await alice.$$eval('#messages li:not(.pending) .text', (els) => els.map((e) => e.textContent));
    assert.deepEqual(texts, ['before', ...during], 'every message once, in order');
  } catch (error) {
    mkdirSync(SHOTS, { recursive: true });
    for (const [i, page] of pages.entries()) {
      await page.screenshot({ path: `${SHOTS}heartbeat-failure-${i}.png`, fullPage: true });
    }
    throw error;
  } finally {
    await browser.close();
    proxy.close();
  }
});
