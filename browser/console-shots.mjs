// Screenshots of the WildFly admin console (HAL) pages the README's "Administration" guide points to, taken in
// headless Chromium against a running ./chorus up: node browser/console-shots.mjs [OUT_DIR] (default docs/console).
// Each page is reached as a user would (a console address, then clicks on what the page shows) and kept only when
// the text that proves its data loaded is on screen; the run fails if any page does not get there.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { MANAGEMENT_PASSWORD } from './credentials.mjs';

const CONSOLE = process.env.CHORUS_CONSOLE ?? 'http://127.0.0.1:9990/console/index.html';
const OUT = process.argv[2] ? `${process.argv[2].replace(/\/$/, '')}/` : new URL('../docs/console/', import.meta.url).pathname;
const PASSWORD = MANAGEMENT_PASSWORD;

// file name, console address (after #), what to click in order, a text on screen once the data is there
const PAGES = [
  ['topology', 'runtime;path=domain-browse-by~topology', [], 'balancer'],
  ['server-group-properties', 'server-group-configuration;server-group=chorus', ['System Properties'],
    'chorus.inbound.senders.backend'],
  ['deployment', 'deployments', ['Server Groups', 'chorus'], 'chorus.ear'],
  ['caches', 'configuration', ['Profiles', 'full-ha', 'Infinispan', 'chorus'], 'presence'],
  ['jms-topic', 'messaging-server-destination;profile=full-ha;server=default', ['JMS Topic', 'chorus'],
    'java:/jms/topic/chorus'],
  ['jms-queues', 'messaging-server-destination;profile=full-ha;server=default', ['JMS Queue', 'chorus-inbound'],
    'java:/jms/queue/chorus-inbound'],
  ['security-settings', 'messaging-server-destination;profile=full-ha;server=default',
    ['Security Setting', 'jms.queue.chorus-inbound'], 'chorus-inbound'],
  ['address-settings', 'messaging-server-destination;profile=full-ha;server=default',
    ['Address Setting', 'jms.queue.chorus-inbound'], 'jms.queue.chorus-inbound-dlq'],
  ['messaging-server', 'messaging-server;profile=full-ha;server=default', [], 'SenderIdentityInterceptor'],
  ['realm-users', 'elytron-security-realms;profile=full-ha',
    ['Security Realm', 'Properties Realm', 'ApplicationRealm', 'Users Properties'], 'application-users.properties'],
  ['balancer', 'undertow-filter;profile=load-balancer', ['Mod Cluster Filter', 'load-balancer'], 'Advertise'],
];

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
});
const shown = (text) => document.body.innerText.includes(text);
let failed = 0;
try {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 860 },
    httpCredentials: { username: 'admin', password: PASSWORD },
  });
  for (const [name, address, clicks, proof] of PAGES) {
    const page = await context.newPage();
    try {
      await page.goto(`${CONSOLE}#${address}`);
      for (const text of clicks) {
        await page.getByText(text, { exact: true }).filter({ visible: true }).first().click({ timeout: 30000 });
      }
      await page.waitForFunction(shown, proof, { timeout: 30000 });
      await page.mouse.move(0, 0); // no tooltip in the picture
      await page.screenshot({ path: `${OUT}${name}.png` });
      console.log(`console-shots: ${name}.png  #${page.url().split('#')[1]}`);
    } catch (e) {
      failed++;
      await page.screenshot({ path: `${OUT}${name}-failed.png` });
      console.error(`console-shots: ${name}: "${proof}" not shown after #${address} ${clicks.join(' > ')}: ${e.message}`);
    } finally {
      await page.close();
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
