// The passwords of the running ./chorus up domain, read from its credentials file (made by config/apply at the first
// up, readable by its owner only); CHORUS_DEMO_PASSWORD / CHORUS_ADMIN_PASSWORD / CHORUS_MANAGEMENT_PASSWORD win.
import { readFileSync } from 'node:fs';

const FILE = new URL('../target/wildfly/.chorus/credentials', import.meta.url);

function fromFile(name) {
  const line = readFileSync(FILE, 'utf8').split('\n').find((l) => l.startsWith(`${name}.password=`));
  if (!line) throw new Error(`no ${name}.password in ${FILE.pathname}: run ./chorus up first`);
  return line.slice(name.length + '.password='.length);
}

export const CHAT_PASSWORD = process.env.CHORUS_DEMO_PASSWORD ?? fromFile('chat');
export const ADMIN_PASSWORD = process.env.CHORUS_ADMIN_PASSWORD ?? fromFile('admin');
export const MANAGEMENT_PASSWORD = process.env.CHORUS_MANAGEMENT_PASSWORD ?? fromFile('management');
