/**
 * `npm start` when a port it needs is taken: it says which port and which setting changes it, with
 * no stack trace, exits 1, and never quietly moves the Playground to another port.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:net';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startPlayground } from '../../src/local/playground';

const entry = join(__dirname, '../../dist/src/local/main.js');

/** Holds a port the way another program would (all interfaces). */
async function occupy(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, resolve));
  return { port: (server.address() as AddressInfo).port, server };
}

function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, HEARTH_DATA_DIR: mkdtempSync(join(tmpdir(), 'hearth-port-')), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, output })));
}

let held: { port: number; server: Server };
beforeEach(async () => {
  held = await occupy();
});
afterEach(() => new Promise<void>((resolve) => held.server.close(() => resolve())));

it.each<[string, (port: number) => Record<string, string>, string]>([
  ['Hearth', (port) => ({ HEARTH_PORT: String(port), HEARTH_PLAYGROUND_PORT: '0' }), 'HEARTH_PORT'],
  [
    'the Agents Playground',
    (port) => ({ HEARTH_PORT: '0', HEARTH_PLAYGROUND_PORT: String(port) }),
    'HEARTH_PLAYGROUND_PORT',
  ],
])(
  'names the busy port of %s and the setting that changes it',
  async (what, env, setting) => {
    const { code, output } = await start(env(held.port));
    expect(code).toBe(1);
    expect(output).toContain(
      `Port ${held.port} is in use by another program, so ${what} cannot listen on it.`,
    );
    expect(output).toContain(`${setting}=${held.port + 1} npm start`);
    expect(output).not.toMatch(/^\s+at /m);
    // Nothing was started: no line saying it is running somewhere else.
    expect(output).not.toContain('Hearth is running');
  },
  30_000,
);

it('refuses a Playground that moved to another port (taken after the check)', async () => {
  await expect(
    startPlayground({
      botEndpoint: 'http://127.0.0.1:9/api/messages',
      port: held.port,
      workDir: mkdtempSync(join(tmpdir(), 'hearth-playground-')),
    }),
  ).rejects.toThrow(`Port ${held.port} is in use by another program, so the Agents Playground cannot`);
}, 60_000);
