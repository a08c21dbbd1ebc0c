/**
 * `npm start`: Hearth on this machine with its embedded defaults and demo data. Ctrl-C stops
 * everything cleanly.
 */
/* eslint-disable no-console -- this is a terminal program: printing is its job */
import { join } from 'node:path';
import type { LocalSettings } from '../config';
import { ConfigError, loadLocalSettings } from '../config';
import type { LogLine } from './http-host';
import { removeLocalConnection, writeLocalConnection } from '../app/local-connection';
import type { LocalHearth } from './local-hearth';
import { startLocalHearth } from './local-hearth';
import { PLAYGROUND_USERS } from './demo-data';
import { startPlayground } from './playground';
import { hearthPortInUse, isAddressInUse, playgroundPortInUse, portInUse, PortInUseError } from './ports';

const log: LogLine = (level, name, ...args) => {
  const line = `[${new Date().toISOString()}] ${level.padEnd(5)} ${name}: ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`;
  if (level === 'error' || level === 'warn') console.error(line);
  else console.log(line);
};

async function main(): Promise<void> {
  const settings = loadLocalSettings();
  // Before starting anything, so a busy port is said at once and nothing is left half started.
  if (await portInUse(settings.port, '127.0.0.1')) throw hearthPortInUse(settings.port);
  if (settings.playground.enabled && (await portInUse(settings.playground.port))) {
    throw playgroundPortInUse(settings.playground.port);
  }
  console.log('Starting Hearth locally: embedded Cosmos server, Azurite queues, functions...');
  const hearth = await startLocalHearth({
    env: settings.env,
    port: settings.port,
    dataDir: settings.dataDir,
    seedDemo: settings.seedDemo,
    log,
  }).catch((error: unknown) => {
    // Taken between the check and the start.
    throw isAddressInUse(error) && error.port === settings.port ? hearthPortInUse(settings.port) : error;
  });
  writeLocalConnection(settings.dataDir, {
    cosmosEndpoint: hearth.cosmosEndpoint,
    certificate: hearth.cosmosCertificate,
    queueConnection: hearth.queueConnection,
    url: hearth.url,
  });
  const playground = settings.playground.enabled
    ? await startPlaygroundOrSay(settings, hearth.url)
    : undefined;
  console.log(banner(settings, hearth, playground?.url));

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Hearth...`);
    removeLocalConnection(settings.dataDir);
    Promise.resolve(playground?.stop())
      .then(() => hearth.stop())
      .then(() => {
        console.log('Stopped cleanly.');
        process.exit(0);
      })
      .catch((error: unknown) => {
        console.error('Stopping failed:', error);
        process.exit(1);
      });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

/** The Agents Playground pointed at the local bot; Hearth runs on without it if it cannot start. */
function startPlaygroundOrSay(settings: LocalSettings, hearthUrl: string) {
  return startPlayground({
    botEndpoint: `${hearthUrl}/api/messages`,
    port: settings.playground.port,
    workDir: join(settings.dataDir, 'playground'),
    currentUser: settings.playground.user,
  }).catch((error: unknown) => {
    console.error(
      `The Agents Playground did not start (Hearth runs without it): ${(error as Error).message}`,
    );
    return undefined;
  });
}

/** What is running where, printed once at start. */
function banner(settings: LocalSettings, hearth: LocalHearth, playgroundUrl: string | undefined): string {
  const timers = hearth.nextTimerRuns();
  const you = PLAYGROUND_USERS[settings.playground.user].name;
  const role = settings.playground.user === 'patti' ? 'a demo team manager' : 'a demo practitioner';
  return [
    '',
    'Hearth is running (local mode: no Bot Framework authentication, loopback only).',
    ...(playgroundUrl
      ? [`  Teams         ${playgroundUrl}  (Agents Playground: you are ${you}, ${role})`]
      : []),
    `  Functions     ${hearth.url}/api/...`,
    `  Health        ${hearth.url}/api/health`,
    `  Feed          POST ${hearth.url}/api/feed   (header x-hearth-feed-key: local-dev-feed-key)`,
    `  Family pages  ${hearth.url}/api/f/<link>   (make a link: npx hearth feedback link --child demo-child-001 --for parent --local)`,
    `  Run a timer   POST ${hearth.url}/admin/functions/<name>`,
    `  Cosmos        ${hearth.cosmosEndpoint} (embedded, in memory)`,
    `  Queues        Azurite, data in ${settings.dataDir}/azurite`,
    `  Demo data     ${hearth.seeded} records (2 teams, 11 staff, 60 children)`,
    `  CLI           npx hearth <command> --local   (for example: npx hearth import docs/examples/children.csv --kind children --local)`,
    ...(timers.length ? ['  Timers'] : []),
    ...timers.map((t) => `    ${t.name.padEnd(20)} next run ${t.next?.toISOString() ?? 'never'}`),
    '',
    'Press Ctrl-C to stop.',
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof PortInUseError ? error.message : error);
  process.exit(1);
});
