// The passwords of the running ./chorus up domain, from its credentials file (made at the first up, readable by its
// owner only): the file is what the server has. Without the file, CHORUS_DEMO_PASSWORD / CHORUS_ADMIN_PASSWORD /
// CHORUS_MANAGEMENT_PASSWORD are used (a cluster set up elsewhere).
import { existsSync, readFileSync } from 'node:fs';

const FILE = new URL('../target/wildfly/.chorus/credentials', import.meta.url);

function password(name, variable) {
  if (existsSync(FILE)) {
    const line = readFileSync(FILE, 'utf8').split('\n').find((l) => l.startsWith(`${name}.password=`));
    if (line) return line.slice(name.length + '.password='.length);
  }
  if (process.env[variable]) return process.env[variable];
  throw new Error(`no ${name} password: no ${FILE.pathname} and no ${variable}; run ./chorus up first`);
}

export const CHAT_PASSWORD = password('chat', 'CHORUS_DEMO_PASSWORD');
export const ADMIN_PASSWORD = password('admin', 'CHORUS_ADMIN_PASSWORD');
export const MANAGEMENT_PASSWORD = password('management', 'CHORUS_MANAGEMENT_PASSWORD');
export const TLS_PASSWORD = password('tls', 'CHORUS_TLS_PASSWORD');
