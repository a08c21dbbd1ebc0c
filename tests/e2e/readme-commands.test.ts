/**
 * The README's "Try it" commands, run as a newcomer would type them against `npm start` (issue 11
 * item 19), and the feed example from "The feed API" posted as it is printed. The one change made
 * is the port: `npm start` here listens on a free port rather than 7071, so that tests never
 * collide with a Hearth someone is running.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The shell commands of the first ```sh block after `marker`, continuation lines joined. */
function commandsAfter(marker: string): string[] {
  const from = readme.indexOf(marker);
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(from))?.[1] ?? '';
  return block
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

const tryIt = commandsAfter('Try it');
const feedExample = /## The feed API[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

let base = '';
let stop: () => Promise<void> = () => Promise.resolve();
const dataDir = mkdtempSync(join(tmpdir(), 'hearth-readme-'));
const env = {
  ...process.env,
  HEARTH_PORT: '0',
  HEARTH_PLAYGROUND: 'false',
  HEARTH_DATA_DIR: dataDir,
  HEARTH_SEED_DEMO: 'true',
};

beforeAll(async () => {
  const child = spawn(process.execPath, [join(root, 'dist/src/local/main.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  stop = async () => {
    child.kill('SIGINT');
    await exited;
  };
  const started = Date.now();
  while (!/Press Ctrl-C to stop/.test(output)) {
    if (Date.now() - started > 60_000 || child.exitCode !== null)
      throw new Error(`did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  base = /Functions\s+(http:\/\/[\d.]+:\d+)/.exec(output)?.[1] ?? '';
}, 90_000);
afterAll(() => stop());

it('has the commands a newcomer is told to try', () => {
  expect(tryIt.length).toBeGreaterThanOrEqual(6);
  expect(tryIt.filter((c) => c.includes('localhost:7071')).length).toBeGreaterThanOrEqual(2);
});

it('runs every "Try it" command as written, each succeeding', () => {
  for (const command of tryIt) {
    const run = spawnSync('sh', ['-c', command.replaceAll('http://localhost:7071', base)], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const said = `${command}\n${run.stdout}\n${run.stderr}`;
    expect([run.status, said]).toEqual([0, said]);
    if (command.includes('/api/health')) expect(run.stdout).toContain('"status":"healthy"');
    if (command.includes('/api/feed'))
      expect(JSON.parse(run.stdout)).toMatchObject({ written: true, rejected: 0 });
    if (command.includes('hearth import')) expect(run.stdout).toMatch(/Wrote \d+ row\(s\)\./);
    if (command.includes('hearth plan')) {
      const planned = JSON.parse(run.stdout) as { bundles: { practitionerId: string }[] };
      // The imported practitioner has a morning card planned, from the imported children.
      expect(planned.bundles.map((b) => b.practitionerId)).toContain('east-jo');
    }
  }
}, 300_000);

it('accepts the feed example printed in "The feed API"', async () => {
  const response = await fetch(`${base}/api/feed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hearth-feed-key': 'local-dev-feed-key' },
    body: feedExample,
  });
  const body = (await response.json()) as { rejected: number; records: unknown[] };
  expect([response.status, body.rejected]).toEqual([200, 0]);
  expect(body.records).toHaveLength(4);
});
