// Prints the side-by-side table of one `./chorus compare` run (bench/compare) from the JSON lines in its folder.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const lines = (name) => {
  const file = join(dir, `${name}.jsonl`);
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('{')).map(JSON.parse) : [];
};
const run = (name) => lines(name).filter((r) => !r.stepper).at(-1);
const stepper = (name) => lines(name).find((r) => r.stepper);
const ms = (v) => (v === undefined ? '-' : `${Number(v).toFixed(1)} ms`);
const cores = (v) => (v === undefined ? '-' : Number(v).toFixed(2));

function steady(r) {
  if (!r) return 'not run';
  const lost = r.lost + (r.send_failed ?? 0);
  return `${r.deliveries_per_s}/s of ${r.expected_per_s ?? '?'}/s, p50 ${ms(r.p50_ms)}, p99 ${ms(r.p99_ms)}, `
    + `server CPU ${cores(r.server_cpu_total_cores)} cores (${JSON.stringify(r.server_cpu_cores ?? {})}), lost ${lost}, `
    + `dups ${r.dups}, disconnects ${r.disconnects ?? 0}, errors ${JSON.stringify(r.errors ?? {})}`;
}

function steps(s) {
  if (!s) return 'not run';
  const each = s.steps.map((x) => `${x.clients}: p99 ${ms(x.p99_ms)} (${cores(x.server_cpu_total_cores)} cores)`);
  return `**${s.max_clients_within_slo} clients** within p99 ≤ ${s.slo_p99_ms} ms (${s.stop_reason}); ${each.join(' · ')}`;
}

const rows = [
  ['a: 100 clients, 1 room, 20 msg/s, 60 s', steady(run('a-chorus')), steady(run('a-peer'))],
  ['b: 1,000 clients, 10 rooms, 200 msg/s, 60 s', steady(run('b-chorus')), steady(run('b-peer'))],
  ['c: stepper, 1 room, 20 msg/s', steps(stepper('c-chorus')), steps(stepper('c-peer'))],
];
const fanout = join(dir, 'd-chorus', 'fanout.json');
if (existsSync(fanout)) {
  const r = JSON.parse(readFileSync(fanout, 'utf8')).rows;
  const ack = Object.entries(r).filter(([, v]) => v.ack_p50_ms !== undefined)
    .map(([k, v]) => `${k}: ack p50 ${ms(v.ack_p50_ms)}, p99 ${ms(v.ack_p99_ms)}`);
  rows.push(['d: send to ack, 100 clients, 20 msg/s', ack.join('; '), '(not timed by its client)']);
}
const idle = join(dir, 'e.json');
if (existsSync(idle)) {
  const e = JSON.parse(readFileSync(idle, 'utf8'));
  rows.push(['e: idle cluster, 60 s', `${cores(e.chorus_idle_cores)} cores`, `${cores(e.peer_idle_cores)} cores`]);
}

console.log(`Chorus and Socket.IO + Redis side by side, ${new Date().toISOString()} (${dir})\n`);
console.log('| workload | Chorus | Socket.IO + Redis |\n| --- | --- | --- |');
for (const [what, chorus, peer] of rows) console.log(`| ${what} | ${chorus} | ${peer} |`);
