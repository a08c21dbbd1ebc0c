/**
 * The Microsoft 365 Agents Playground (an npm package), started against the local bot so a
 * newcomer can chat with Hearth as a demo practitioner: its default user is one of the demo staff.
 * No browser is opened for it (TEAMSAPPTESTER_BROWSER=none) and its telemetry is off.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlaygroundUserKey } from '../config';
import { childEnvironment } from '../config';
import { PLAYGROUND_USERS } from './demo-data';
import { startChildService } from './child-process';
import { playgroundPortInUse } from './ports';

export interface Playground {
  url: string;
  stop(): Promise<void>;
}

export type PlaygroundUser = PlaygroundUserKey;

/**
 * The Playground's config file with `current` as the person chatting: its built-in users, with the
 * same ids and Entra object ids, in another order. The default config has Alex as the current user.
 */
export function playgroundConfig(current: PlaygroundUser): string {
  const order = [
    current,
    ...(Object.keys(PLAYGROUND_USERS) as PlaygroundUser[]).filter((u) => u !== current),
  ];
  const user = (key: PlaygroundUser, index: number, indent: string) => {
    const { name, aad } = PLAYGROUND_USERS[key];
    const [given, family] = name.split(' ') as [string, string];
    const email = `${key}@example.com`;
    return [
      `id: user-id-${index}`,
      `name: ${name}`,
      `userPrincipleName: ${email}`,
      `aadObjectId: "${aad}"`,
      `givenName: ${given}`,
      `surname: ${family}`,
      `email: ${email}`,
    ]
      .map((line, i) => (i === 0 ? line : `${indent}${line}`))
      .join('\n');
  };
  return [
    'version: "0.1.1"',
    'tenantId: "00000000-0000-0000-0000-0000000000001"',
    'bot:',
    '  id: "00000000-0000-0000-0000-00000000000011"',
    '  name: Hearth',
    'currentUser:',
    `  ${user(order[0] as PlaygroundUser, 0, '  ')}`,
    'users:',
    ...order.slice(1).map((key, i) => `  - ${user(key, i + 1, '    ')}`),
    'personalChat:',
    `  id: personal-chat-${current}`,
    'groupChat:',
    '  id: group-chat',
    '  name: Group Chat',
    'team:',
    '  id: team-id',
    '  name: My Team',
    '  aadGroupId: "00000000-0000-0000-0000-000000000031"',
    '  channels:',
    '    - id: channel-announcements-id',
    '      name: Announcements',
    '',
  ].join('\n');
}

export async function startPlayground(options: {
  botEndpoint: string;
  port?: number;
  workDir: string;
  /** Who is chatting; the Playground's own default (Alex Wilber) when not given. */
  currentUser?: PlaygroundUser;
}): Promise<Playground> {
  mkdirSync(options.workDir, { recursive: true });
  if (options.currentUser) {
    writeFileSync(join(options.workDir, '.m365agentsplayground.yml'), playgroundConfig(options.currentUser));
  }
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
    { cwd: options.workDir, env: childEnvironment({ TEAMSAPPTESTER_BROWSER: 'none' }) },
  );
  // It moves to a free port when its own is taken; a moved Playground is not the one asked for.
  const wanted = options.port ?? 56150;
  if (wanted !== 0 && port !== wanted) {
    await stop();
    throw playgroundPortInUse(wanted);
  }
  return { url: `http://localhost:${port}`, stop };
}
