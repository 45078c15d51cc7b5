// The browser client's page as a user drives it, shared by the browser tests: log in (a fresh browser context, or the
// one given), join a room, say something.
import { CHAT_PASSWORD } from './credentials.mjs';

/** Logs `user` in on the page at `url` and waits for its badge to say connected; `where` is a browser or a context. */
export async function login(where, url, user) {
  const context = typeof where.newContext === 'function' ? await where.newContext() : where;
  const page = await context.newPage();
  await page.goto(url);
  await page.fill('#login input[name=user]', user);
  await page.fill('#login input[name=password]', CHAT_PASSWORD);
  await page.click('#login button');
  await page.waitForFunction(() => /^connected · /.test(document.getElementById('badge').textContent));
  return page;
}

export async function join(page, room) {
  await page.fill('#join-room input[name=room]', room);
  await page.click('#join-room button');
  await page.waitForFunction((r) => document.getElementById('title').textContent === `# ${r}`, room);
}

export async function say(page, text) {
  await page.fill('#compose input[name=text]', text);
  await page.click('#compose button');
}
