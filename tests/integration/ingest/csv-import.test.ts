/**
 * `hearth import` against the real store, at its edges (issue 10 items 1 and 9): bytes that are
 * not UTF-8, dates no child's record can hold, the same id twice far apart in a long file, NUL
 * bytes on their way to the rejects file, a dry run, and a store that stops answering part way.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Services } from '../../../src/app/root';
import type { ImportOptions } from '../../../src/cli/import-command';
import { runImport, SLICE_ROWS } from '../../../src/cli/import-command';
import { ingest } from '../../../src/services/ingest-batch';
import { child, team } from '../../support/records';
import { disposeServices, testServices } from '../../support/services';
import { snapshotStore } from '../../support/snapshot';

let services: Services;
let dir: string;
const now = new Date('2026-11-23T09:00:00Z');

beforeAll(async () => {
  services = await testServices();
  dir = mkdtempSync(join(tmpdir(), 'hearth-import-edges-'));
  await ingest(services.store, [team('T1'), child('C1', 'T1')], { acceptValid: false, actor: 'test', now });
});
afterAll(() => disposeServices(services));

let files = 0;
function file(content: string | Buffer): string {
  const path = join(dir, `file-${++files}.csv`);
  writeFileSync(path, content);
  return path;
}

async function importFile(content: string | Buffer, extra: Partial<ImportOptions> = {}) {
  const lines: string[] = [];
  const report = await runImport(
    services.store,
    { file: file(content), kind: 'children', acceptValid: false, progress: false, now, ...extra },
    (line) => lines.push(line),
  );
  return { report, lines };
}

const header = 'id,teamId,firstName,familyName,kind,dateOfBirth,anchors.referral\n';

it('refuses a file with a byte that is not UTF-8, naming its line, and writes nothing', async () => {
  const before = await snapshotStore(services.store);
  const content = Buffer.concat([
    Buffer.from(`${header}C2,T1,Ann,Lee,child-in-need,,\nC3,T1,Ren`),
    Buffer.from([0xe9]),
    Buffer.from('e,Lee,child-in-need,,\n'),
  ]);
  await expect(importFile(content)).rejects.toThrow(
    'The file is not readable: line 3 is not valid UTF-8 text: save the file as UTF-8 and try again.\nNothing was written.',
  );
  expect(await snapshotStore(services.store)).toEqual(before);
});

it.each([
  [
    '31/12/9999',
    'anchors.referral: 9999-12-31 is outside the dates Hearth accepts (1990-01-01 to 2036-11-23)',
  ],
  [
    '01/01/1000',
    'anchors.referral: 1000-01-01 is outside the dates Hearth accepts (1990-01-01 to 2036-11-23)',
  ],
])('refuses a row dated %s by line and field', async (date, reason) => {
  const { report } = await importFile(`${header}C4,T1,Ann,Lee,child-in-need,,${date}\n`);
  expect(report).toMatchObject({ exitCode: 1, written: false, problems: [{ line: 2, reason }] });
});

it('follows the configured range', async () => {
  const { report } = await importFile(`${header}C4,T1,Ann,Lee,child-in-need,,01/01/1995\n`, {
    dates: { earliest: '2000-01-01', yearsAhead: 1 },
    dryRun: true,
  });
  expect(report.problems).toEqual([
    {
      line: 2,
      reason: 'anchors.referral: 1995-01-01 is outside the dates Hearth accepts (2000-01-01 to 2027-11-23)',
    },
  ]);
});

it('finds the same id twice in different slices of a long file, and writes neither', async () => {
  const rows = Array.from({ length: SLICE_ROWS + 500 }, (_, i) => `L${i},T1,Ann,Lee,child-in-need,,\n`);
  rows.push('L7,T1,Again,Lee,child-in-need,,\n');
  const { report } = await importFile(header + rows.join(''), { dryRun: true });
  expect(report.problems).toEqual([
    { line: 9, reason: `id L7 appears more than once in this file (again on line ${SLICE_ROWS + 502})` },
    { line: SLICE_ROWS + 502, reason: 'id L7 appears more than once in this file (first on line 9)' },
  ]);
  expect(report.rows).toBe(SLICE_ROWS + 501);
});

it('drops NUL bytes from the rejects file', async () => {
  const rejects = join(dir, 'rejects.csv');
  await importFile(`${header}C5,T1,An\u0000n,Lee,LAC,,\n`, { rejects });
  const text = readFileSync(rejects, 'utf8');
  expect(text).not.toContain('\u0000');
  expect(text).toContain('C5,T1,Ann,Lee,LAC');
});

it('checks everything and writes nothing on a dry run', async () => {
  const before = await snapshotStore(services.store);
  const { report, lines } = await importFile(`${header}C6,T1,Ann,Lee,child-in-need,,\n`, { dryRun: true });
  expect(report).toMatchObject({ exitCode: 0, written: false });
  expect(lines.at(-1)).toBe('Dry run: nothing was written. 1 row(s) would be written.');
  expect(await snapshotStore(services.store)).toEqual(before);
});

it('exits 3 when the store stops answering part way, and running it again finishes the job', async () => {
  const rows = Array.from({ length: SLICE_ROWS + 10 }, (_, i) => `S${i},T1,Ann,Lee,child-in-need,,\n`);
  const content = header + rows.join('');
  const upsert = services.store.children.createIfAbsent.bind(services.store.children);
  let calls = 0;
  const spy = jest.spyOn(services.store.children, 'createIfAbsent').mockImplementation((item) => {
    calls++;
    return calls > SLICE_ROWS ? Promise.reject(new Error('socket hang up')) : upsert(item);
  });
  const path = file(content);
  const lines: string[] = [];
  const options = { file: path, kind: 'children' as const, acceptValid: false, progress: false, now };
  const first = await runImport(services.store, options, (line) => lines.push(line));
  spy.mockRestore();
  expect(first).toMatchObject({ exitCode: 3, accepted: SLICE_ROWS });
  expect(lines.at(-1)).toMatch(
    /^The store stopped answering after 2000 row\(s\) were written .*running the same import again finishes it\.$/,
  );
  const again = await runImport(services.store, options, () => undefined);
  expect(again).toMatchObject({ exitCode: 0, accepted: SLICE_ROWS + 10 });
  expect(await services.store.children.findByIds([`S${SLICE_ROWS + 9}`])).toHaveLength(1);
});
