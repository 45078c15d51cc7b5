// The browser client over HTTPS and WSS on the balancer (8443, the key store ./chorus up made): Chromium trusts that
// certificate's key only (no blanket "ignore certificate errors"), alice chats over wss:// with bob on plain http,
// her session cookie is Secure, and the page's WebSocket is wss:// to the balancer although the nodes behind it
// speak plain HTTP. Needs ./chorus up; screenshots of a failure go to browser/target/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { join, login, say } from './chat-page.mjs';
import { TLS_PASSWORD } from './credentials.mjs';

const HTTPS = 'https://127.0.0.1:8443/chorus/';
const HTTP = 'http://127.0.0.1:8080/chorus/';
const KEYSTORE = new URL('../target/wildfly/.chorus/balancer-tls.p12', import.meta.url).pathname;
const SHOTS = new URL('./target/', import.meta.url).pathname;

/** The SHA-256 of the balancer certificate's public key, read from the key store (its password via the environment). */
function balancerKeyHash() {
  const pem = execFileSync('keytool', ['-exportcert', '-rfc', '-alias', 'chorus', '-keystore', KEYSTORE,
    '-storepass:env', 'CHORUS_TLS_PASSWORD'], { env: { ...process.env, CHORUS_TLS_PASSWORD: TLS_PASSWORD } });
  const spki = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

const shows = (page, text) => page.waitForFunction((t) => [...document.querySelectorAll('#messages li:not(.pending) .text')]
  .some((e) => e.textContent === t), text, { timeout: 15000 });

test('the browser client works over https and wss on the balancer, with a Secure session cookie', async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--ignore-certificate-errors-spki-list=${balancerKeyHash()}`],
  });
  const pages = [];
  try {
    const secure = await browser.newContext();
    const sockets = [];
    secure.on('page', (p) => p.on('websocket', (ws) => sockets.push(ws.url())));
    const alice = await login(secure, HTTPS, 'alice');
    pages.push(alice);
    const plain = await browser.newContext();
    const bob = await login(plain, HTTP, 'bob');
    pages.push(bob);

    assert.equal(await alice.evaluate(() => window.isSecureContext && location.protocol), 'https:');
    assert.ok(sockets.length > 0 && sockets.every((u) => u.startsWith('wss://127.0.0.1:8443/chorus/')), sockets.join());
    const cookie = (await secure.cookies(HTTPS)).find((c) => c.name === 'JSESSIONID');
    assert.ok(cookie?.secure && cookie.httpOnly && cookie.sameSite === 'Lax', JSON.stringify(cookie));
    const plainCookie = (await plain.cookies(HTTP)).find((c) => c.name === 'JSESSIONID');
    assert.equal(plainCookie?.secure, false, 'no Secure cookie over plain http');

    const room = `tls-${Date.now()}`;
    await join(alice, room);
    await join(bob, room);
    await say(alice, 'sent over wss');
    await shows(bob, 'sent over wss');
    await say(bob, 'sent over ws');
    await shows(alice, 'sent over ws');
  } catch (error) {
    mkdirSync(SHOTS, { recursive: true });
    for (const [i, page] of pages.entries()) await page.screenshot({ path: `${SHOTS}tls-failure-${i}.png`, fullPage: true });
    throw error;
  } finally {
    await browser.close();
  }
});
