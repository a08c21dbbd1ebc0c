/**
 * `hearth forget --child <id> --local`, run as an admin would against Hearth under `npm start`
 * (here: the run's embedded Cosmos server, found through the local connection note). It removes the
 * child's data, prints what went in counts and ids, and leaves one id-only activity line.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Services } from '../../../src/app/root';
import { main } from '../../../src/cli/main';
import { ingest } from '../../../src/services/ingest-batch';
import { writeLocalConnection } from '../../../src/app/local-connection';
import { child, event, team } from '../../support/records';
import { disposeServices, testServices } from '../../support/services';

let services: Services;
let lines: string[];
const saved = { ...process.env };
beforeEach(async () => {
  services = await testServices();
  await ingest(services.store, [team(), child('c1'), child('c2'), event('e1', 'c1'), event('e2', 'c2')], {
    acceptValid: false,
    actor: 'feed',
    now: new Date('2026-11-23T09:00:00Z'),
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-forget-'));
  writeLocalConnection(dataDir, {
    cosmosEndpoint: process.env.HEARTH_TEST_COSMOS_ENDPOINT ?? '',
    certificate: process.env.HEARTH_TEST_COSMOS_CERT ?? '',
    queueConnection: process.env.HEARTH_TEST_QUEUES ?? '',
    url: 'http://127.0.0.1:0',
  });
  process.env.HEARTH_DATA_DIR = dataDir;
  process.env.HEARTH_COSMOS_DATABASE = services.store.database.id;
  lines = [];
  process.exitCode = undefined;
  jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
});
afterEach(async () => {
  jest.restoreAllMocks();
  process.env = { ...saved };
  process.exitCode = undefined;
  await disposeServices(services);
});

it('removes a child now and prints what was removed', async () => {
  await main(['node', 'hearth', 'forget', '--child', 'c1', '--local']);
  expect(process.exitCode).toBeUndefined();
  expect(lines).toEqual([
    'Removed what Hearth held about child c1:',
    '  child records: 1 (c1 in team-1)',
    '  events: 1 (e1)',
    '  outbox messages: 0',
    '  audits with personal details removed: 0',
    '  feedback links: 0',
    '  feedback no longer tied to the child: 0',
    'One line was written to the activity log (ids only).',
  ]);
  expect(await services.store.children.findByIds(['c1', 'c2'])).toEqual([
    expect.objectContaining({ id: 'c2' }),
  ]);
  const logged = await services.store.activity.query("c.action = 'child.forgotten'");
  expect(logged).toEqual([
    expect.objectContaining({ actor: 'cli', details: expect.objectContaining({ childId: 'c1' }) }),
  ]);
});

it('says so when Hearth holds nothing about the child', async () => {
  await main(['node', 'hearth', 'forget', '--child', 'c404', '--local']);
  expect(lines).toEqual(['Hearth held nothing about child c404; nothing was removed.']);
});

it('insists on --child', async () => {
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  await main(['node', 'hearth', 'forget', '--local']);
  expect(process.exitCode).toBe(2);
});
