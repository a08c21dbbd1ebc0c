/**
 * A command that works on the store alone asks only for the store's settings (issue 11 item 21):
 * an admin running `hearth import` on a server with no bot, feed sign-in or family pages set up is
 * told the one setting it needs, not a dozen it does not.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../../src/config';

const cli = join(__dirname, '../../../bin/hearth.js');
const bare = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };

it.each([
  ['import', ['import', 'docs/examples/teams.csv', '--kind', 'teams']],
  ['plan --store', ['plan', '--store', '--at', '2026-12-01T08:30']],
  ['digest --store', ['digest', '--store', '--team', 'T1', '--week', '2026-W48']],
  ['forget', ['forget', '--child', 'C1']],
])('%s in production with nothing set asks for the store alone', (_, args) => {
  const run = spawnSync(process.execPath, [cli, ...args], { env: bare, encoding: 'utf8' });
  expect(run.status).toBe(2);
  expect(run.stderr.trim()).toBe(
    'Hearth cannot start: fix these settings:\n  - HEARTH_COSMOS_ENDPOINT: required in production',
  );
});

it('still asks for every production setting when the whole app starts', () => {
  const problems = (() => {
    try {
      loadConfig({ HEARTH_MODE: 'production' });
    } catch (error) {
      return error instanceof ConfigError ? error.problems : [];
    }
    return [];
  })();
  expect(problems).toEqual(
    expect.arrayContaining([
      'HEARTH_COSMOS_ENDPOINT: required in production',
      "HEARTH_BOT_APP_ID: required in production (the bot identity's client id)",
    ]),
  );
});

it('gives a store tool a whole config once the store is set', () => {
  const config = loadConfig(
    { HEARTH_MODE: 'production', HEARTH_COSMOS_ENDPOINT: 'https://hearth.documents.azure.com:443/' },
    'store',
  );
  expect(config.cosmos.endpoint).toBe('https://hearth.documents.azure.com/');
  expect(config.mode).toBe('production');
});
