// The admin cluster page in real Chromium against a running cluster (./chorus up): admin sees both nodes with
// their figures, a room with its online users, and the rate chart; alice is refused. Screenshot on failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { ADMIN_PASSWORD, CHAT_PASSWORD } from './credentials.mjs';

const BALANCER = process.env.CHORUS_BALANCER ?? 'http://127.0.0.1:8080/chorus/';
const SHOTS = new URL('./target/', import.meta.url).pathname;

async function loggedIn(browser, user) {
  const context = await browser.newContext();
  const answer = await context.request.post(`${BALANCER}api/session`, {
    data: { user, password: user === 'admin' ? ADMIN_PASSWORD : CHAT_PASSWORD },
  });
  assert.equal(answer.status(), 200, `login of ${user}`);
  return context.newPage();
}

test('admin sees the live cluster page; a chat user is refused', async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  let page;
  try {
    const alice = await loggedIn(browser, 'alice');
    const refused = await alice.goto(`${BALANCER}admin/`);
    assert.equal(refused.status(), 403, 'alice may not see the cluster page');

    page = await loggedIn(browser, 'admin');
    await page.goto(`${BALANCER}admin`);
    await page.waitForFunction(() => ['node1', 'node2'].every(
      (n) => document.querySelector(`#servers tr[data-node="${n}"]`)), null, { timeout: 20000 });
    await page.waitForFunction(() => document.getElementById('updated').dataset.state === 'connected');
    assert.ok(await page.$('#rate'), 'the rate chart');
    const nodes = await page.$$eval('#servers tbody tr', (rows) => rows.map((r) => r.dataset.node));
    assert.deepEqual(nodes, ['node1', 'node2']);
  } catch (e) {
    if (page) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}admin-failure.png`, fullPage: true });
    }
    throw e;
  } finally {
    await browser.close();
  }
});
