/**
 * `hearth import` as an admin runs it (the compiled command, in its own process, `--local`), at
 * its edges (issue 10 items 1 and 9): what it prints, its exit code, the rejects file, and a store
 * left as it was.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeLocalConnection } from '../../src/app/local-connection';
import type { Services } from '../../src/app/root';
import { ingest } from '../../src/services/ingest-batch';
import { disposeServices, testServices } from '../support/services';
import { snapshotStore } from '../support/snapshot';

const cli = join(__dirname, '../../bin/hearth.js');
let services: Services;
let dir: string;

beforeAll(async () => {
  services = await testServices();
  dir = mkdtempSync(join(tmpdir(), 'hearth-cli-import-'));
  writeLocalConnection(dir, {
    cosmosEndpoint: process.env.HEARTH_TEST_COSMOS_ENDPOINT as string,
    certificate: process.env.HEARTH_TEST_COSMOS_CERT,
    queueConnection: process.env.HEARTH_TEST_QUEUES as string,
    url: 'http://localhost:0',
  });
  const written = await ingest(services.store, [{ type: 'team', id: 'T1', name: 'Riverside' }], {
    acceptValid: false,
    actor: 'test',
    now: new Date(),
  });
  expect(written.written).toBe(true);
});
afterAll(() => disposeServices(services));

async function hearthImport(content: string | Buffer, ...args: string[]) {
  const file = join(dir, `children-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, content);
  const env = {
    ...process.env,
    HEARTH_DATA_DIR: dir,
    HEARTH_COSMOS_DATABASE: services.config.cosmos.database,
  };
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [cli, 'import', file, '--kind', 'children', '--local', ...args],
      { env },
    );
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

const header = 'id,teamId,firstName,familyName,kind,anchors.referral\n';

it('exits non-zero on a byte that is not UTF-8, naming the line, and writes nothing', async () => {
  const before = await snapshotStore(services.store);
  const content = Buffer.concat([
    Buffer.from(`${header}C1,T1,Ann,Lee,child-in-need,\nC2,T1,Ren`),
    Buffer.from([0xe9]),
    Buffer.from('e,Lee,child-in-need,\n'),
  ]);
  const { code, out } = await hearthImport(content);
  expect(code).toBe(2);
  expect(out).toContain('line 3 is not valid UTF-8 text: save the file as UTF-8 and try again');
  expect(out).toContain('Nothing was written.');
  expect(await snapshotStore(services.store)).toEqual(before);
});

it('exits 1 on a date in 9999, naming the line and the field, and writes nothing', async () => {
  const { code, out } = await hearthImport(`${header}C3,T1,Ann,Lee,child-in-need,31/12/9999\n`);
  expect(code).toBe(1);
  expect(out).toMatch(
    /line 2: anchors\.referral: 9999-12-31 is outside the dates Hearth accepts \(1990-01-01 to \d{4}-\d\d-\d\d\)/,
  );
  expect(await services.store.children.findByIds(['C3'])).toEqual([]);
});

it('writes a rejects file with no NUL bytes in it', async () => {
  const rejects = join(dir, 'rejects.csv');
  const { code } = await hearthImport(`${header}C4,T1,A\u0000nn,Lee,LAC,\n`, '--rejects', rejects);
  expect(code).toBe(1);
  const text = readFileSync(rejects, 'utf8');
  expect(text).not.toContain('\u0000');
  expect(text).toContain('C4,T1,Ann,Lee,LAC');
});

it('checks a file with --dry-run and writes nothing, exiting 0 when every row is good', async () => {
  const { code, out } = await hearthImport(`${header}C5,T1,Ann,Lee,child-in-need,01/11/2026\n`, '--dry-run');
  expect(code).toBe(0);
  expect(out).toContain('Dry run: nothing was written. 1 row(s) would be written.');
  expect(await services.store.children.findByIds(['C5'])).toEqual([]);
});
