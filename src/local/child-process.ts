/**
 * Runs a Node program from an npm package as a child process (Azurite, the Agents Playground),
 * waits for the line that says which port it listens on, and stops it cleanly.
 */
import type { SpawnOptions } from 'node:child_process';
import { spawn } from 'node:child_process';

export interface ChildService {
  port: number;
  stop: () => Promise<void>;
}

export async function startChildService(
  name: string,
  args: string[],
  listening: RegExp,
  options: Pick<SpawnOptions, 'cwd' | 'env'> = {},
): Promise<ChildService> {
  const child = spawn(process.execPath, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timeout = setTimeout(
      () => reject(new Error(`${name} did not start within 30 s:\n${output}`)),
      30_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = listening.exec(output);
      if (match) {
        clearTimeout(timeout);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timeout);
      reject(new Error(`${name} exited with code ${code}:\n${output}`));
    });
  });
  // Keep draining its output so it never blocks on a full pipe.
  child.stdout?.removeAllListeners('data').resume();
  child.stderr?.removeAllListeners('data').resume();
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        // 'close' rather than 'exit': it also waits for the output pipes, so no handle is left open.
        child.once('close', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}
