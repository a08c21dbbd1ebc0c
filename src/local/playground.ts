/**
 * The Microsoft 365 Agents Playground (an npm package), started against the local bot so a
 * newcomer can chat with Hearth as a demo practitioner: its default user is one of the demo staff.
 * No browser is opened for it (TEAMSAPPTESTER_BROWSER=none) and its telemetry is off.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';

export interface Playground {
  url: string;
  stop(): Promise<void>;
}

export async function startPlayground(options: {
  botEndpoint: string;
  port?: number;
  workDir: string;
}): Promise<Playground> {
  mkdirSync(options.workDir, { recursive: true });
  const child = spawn(
    process.execPath,
    [
      require.resolve('@microsoft/m365agentsplayground/cli.js'),
      '-e',
      options.botEndpoint,
      '-c',
      'msteams',
      '-p',
      String(options.port ?? 56150),
      '--disable-telemetry',
    ],
    // It writes a log file under its working directory: keep that out of the project.
    {
      cwd: options.workDir,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timeout = setTimeout(
      () => reject(new Error(`the Agents Playground did not start within 30 s:\n${output}`)),
      30_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on (\d+)/.exec(output);
      if (match) {
        clearTimeout(timeout);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timeout);
      reject(new Error(`the Agents Playground exited with code ${code}:\n${output}`));
    });
  });
  child.stdout.resume();
  child.stderr.resume();
  return {
    url: `http://localhost:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('close', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}
