/**
 * `npm start` as a newcomer runs it (the compiled entry point, in its own process): it prints
 * where things are, answers /api/health as healthy with demo data, and stops cleanly on Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const entry = join(__dirname, '../../dist/src/local/main.js');

it('starts with the Playground, serves health with demo data, and shuts down cleanly on SIGINT', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-start-'));
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, HEARTH_PORT: '0', HEARTH_PLAYGROUND_PORT: '0', HEARTH_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const started = Date.now();
  while (!/Press Ctrl-C to stop/.test(output)) {
    if (Date.now() - started > 60_000 || child.exitCode !== null)
      throw new Error(`did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const url = /Health\s+(http:\/\/\S+)/.exec(output)?.[1];
  expect(url).toBeDefined();
  expect(output).toMatch(/Demo data\s+\d+ records/);
  expect(existsSync(join(dataDir, 'local-connection.json'))).toBe(true);

  // The Agents Playground is up, pointed at the local bot.
  const playground = /Teams\s+(http:\/\/localhost:\d+)/.exec(output)?.[1];
  expect(playground).toBeDefined();
  expect((await fetch(playground as string)).status).toBe(200);

  const response = await fetch(url as string);
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'healthy' });

  child.kill('SIGINT');
  expect(await exited).toBe(0);
  expect(output).toContain('Stopped cleanly.');
  expect(existsSync(join(dataDir, 'local-connection.json'))).toBe(false);
  // Azurite kept its data in the data folder, not in the working tree.
  expect(existsSync(join(dataDir, 'azurite'))).toBe(true);
}, 90_000);
