// Chorus's browser client in real Chromium against a running cluster (./chorus up): two users chat, the node of
// one of them is killed (kill -9), and her page reconnects, resumes on the other node, and shows every message
// of the outage once and in order. Screenshots of both pages go to browser/target/ when a step fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { join, login, say } from './chat-page.mjs';

const BALANCER = process.env.CHORUS_BALANCER ?? 'http://127.0.0.1:8080/chorus/';
const NODES = { node1: 'http://127.0.0.1:8180/chorus/', node2: 'http://127.0.0.1:8280/chorus/' };
const CHORUS = new URL('../chorus', import.meta.url).pathname;
const SHOTS = new URL('./target/', import.meta.url).pathname;

const texts = (page) => page.$$eval('#messages li:not(.pending) .text', (els) => els.map((e) => e.textContent));

async function until(page, predicate, arg, what) {
  try {
    await page.waitForFunction(predicate, arg, { timeout: 15000 });
  } catch (e) {
    throw new Error(`${what}: ${e.message}`);
  }
}

test('a page whose node is killed resumes on the other node and shows every message once, in order', async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const pages = [];
  let killedNode = null;
  try {
    const alice = await login(browser, BALANCER, 'alice');
    pages.push(alice);
    const aliceNode = (await alice.textContent('#badge')).split(' · ')[1];
    const otherNode = aliceNode === 'node1' ? 'node2' : 'node1';
    const bob = await login(browser, NODES[otherNode], 'bob');
    pages.push(bob);

    const room = `browser-${Date.now()}`;
    await join(alice, room);
    await join(bob, room);
    const html = '<img src=x onerror="document.title=\'pwned\'">';
    await say(bob, html);
    await until(alice, (t) => [...document.querySelectorAll('#messages .text')].some((e) => e.textContent === t), html,
      'bob\'s first message on alice\'s page');
    assert.equal(await alice.$('#messages img'), null, 'user text is never HTML');
    assert.notEqual(await alice.title(), 'pwned');

    execFileSync('bash', [CHORUS, 'kill', aliceNode], { stdio: 'inherit' });
    killedNode = aliceNode;
    const killed = Date.now();
    await until(alice, () => document.getElementById('badge').dataset.state === 'reconnecting', null,
      'alice\'s badge says reconnecting');
    const during = ['while you were away 1', 'while you were away 2', 'while you were away 3'];
    for (const text of during) await say(bob, text);
    await until(alice, (n) => document.getElementById('badge').textContent === `resumed · ${n}`, otherNode,
      'alice\'s page resumed on the other node');
    await until(alice, (last) => [...document.querySelectorAll('#messages li:not(.pending) .text')]
      .some((e) => e.textContent === last), during.at(-1), 'the outage\'s messages on alice\'s page');
    console.log(`alice's page showed the outage's last message ${Date.now() - killed} ms after the kill`);

    assert.deepEqual(await texts(alice), [html, ...during], 'every message once, in order');
    const seqs = await alice.$$eval('#messages li', (els) => els.map((e) => Number(e.dataset.seq)));
    assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b));

    await say(alice, 'back again');
    await until(bob, () => [...document.querySelectorAll('#messages .text')].some((e) => e.textContent === 'back again'),
      null, 'alice can send after resuming');
  } catch (error) {
    mkdirSync(SHOTS, { recursive: true });
    for (const [i, page] of pages.entries()) await page.screenshot({ path: `${SHOTS}failure-${i}.png`, fullPage: true });
    throw error;
  } finally {
    await browser.close();
    // The cluster as it was found: the killed node back in it (./chorus start waits for the view and the balancer).
    if (killedNode) execFileSync('bash', [CHORUS, 'start', killedNode], { stdio: 'inherit' });
  }
});
