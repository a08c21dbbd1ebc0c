/**
 * The Microsoft 365 Agents Playground (an npm package), started against the local bot so a
 * newcomer can chat with Hearth as a demo practitioner: its default user is one of the demo staff.
 * No browser is opened for it (TEAMSAPPTESTER_BROWSER=none) and its telemetry is off.
 */
import { mkdirSync } from 'node:fs';
import { startChildService } from './child-process';

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
  const { port, stop } = await startChildService(
    'The Agents Playground',
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
    /Listening on (\d+)/,
    // It writes a log file under its working directory: keep that out of the project.
    { cwd: options.workDir, env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' } },
  );
  return { url: `http://localhost:${port}`, stop };
}
