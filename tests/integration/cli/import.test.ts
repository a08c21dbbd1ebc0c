/**
 * `hearth import` against the real store: bad rows stop the import and are reported by line;
 * --accept-valid writes the rest; the rejects file is safe to open in a spreadsheet.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Services } from '../../../src/app/root';
import { runImport } from '../../../src/cli/import-command';
import { ingest } from '../../../src/services/ingest-batch';
import { team } from '../../support/records';
import { disposeServices, testServices } from '../../support/services';
import { snapshotStore } from '../../support/snapshot';

let services: Services;
let dir: string;
const now = new Date('2026-11-23T09:00:00Z');

beforeEach(async () => {
  services = await testServices();
  dir = mkdtempSync(join(tmpdir(), 'hearth-import-'));
  await ingest(services.store, [team('T1')], { acceptValid: false, actor: 'test', now });
});
afterEach(() => disposeServices(services));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const header = 'id,teamId,firstName,familyName,kind,dateOfBirth\n';

async function importChildren(text: string, extra: Partial<Parameters<typeof runImport>[1]> = {}) {
  const lines: string[] = [];
  const report = await runImport(
    services.store,
    {
      file: file('children.csv', text),
      kind: 'children',
      acceptValid: false,
      progress: false,
      now,
      ...extra,
    },
    (line) => lines.push(line),
  );
  return { report, lines };
}

describe('hearth import', () => {
  it('imports a clean file and says so', async () => {
    const { report, lines } = await importChildren(
      `${header}C1,T1,Ann,Lee,child-in-need,01/02/2015\nC2,T1,Bo,Ng,child-protection,\n`,
    );
    expect(report).toMatchObject({ rows: 2, written: true, accepted: 2, exitCode: 0, problems: [] });
    expect(lines).toEqual([
      `Read 2 row(s) of children from ${join(dir, 'children.csv')}.`,
      'Wrote 2 row(s).',
    ]);
    expect(await services.store.children.get('C1', 'T1')).toMatchObject({ dateOfBirth: '2015-02-01' });
  });

  it('writes nothing when any row is bad, and reports every bad row by line', async () => {
    const before = await snapshotStore(services.store);
    const { report, lines } = await importChildren(
      `${header}C1,T1,Ann,Lee,child-in-need,\nC2,T9,Bo,Ng,child-in-need,\nC3,T1,Cy\nC4,T1,Di,Ok,LAC,\n`,
    );
    expect(report.exitCode).toBe(1);
    expect(report.written).toBe(false);
    expect(report.problems).toEqual([
      { line: 3, reason: 'teamId: no team T9 (send the team first or in this batch)' },
      { line: 4, reason: 'expected 6 columns, found 3' },
      { line: 5, reason: expect.stringMatching(/^kind: must be one of child-in-need/) },
    ]);
    expect(lines.at(-1)).toBe(
      'Nothing was written: 3 row(s) have problems. Fix them, or run again with --accept-valid to write the other 1.',
    );
    expect(await snapshotStore(services.store)).toEqual(before);
  });

  it.each<[string, string, 'children' | 'events', RegExp]>([
    [
      'unknown columns',
      'id,teamId,firstName,familyName,kind,dob,anchors.referal\nC1,T1,Ann,Lee,child-in-need,01/02/2015,01/11/2026\n',
      'children',
      /"dob" is not a column Hearth reads: did you mean "dateOfBirth"\?\n.*"anchors.referal" .*did you mean "anchors.referral"\?[\s\S]*Nothing was written\.$/,
    ],
    [
      'a children file given as events',
      `${header}C1,T1,Ann,Lee,child-in-need,01/02/2015\n`,
      'events',
      /look like a children file, not events: run again with --kind children[\s\S]*Nothing was written\.$/,
    ],
  ])('writes nothing for a file with %s, and says why', async (_, text, kind, reason) => {
    const before = await snapshotStore(services.store);
    await expect(importChildren(text, { kind })).rejects.toThrow(reason);
    expect(await snapshotStore(services.store)).toEqual(before);
  });

  it('with --accept-valid writes the good rows and exits 4 so a nightly job notices', async () => {
    const { report } = await importChildren(
      `${header}C1,T1,Ann,Lee,child-in-need,\nC2,T1,Bo,Ng,child-in-need,31-12-2015\n`,
      {
        acceptValid: true,
      },
    );
    expect(report).toMatchObject({ written: true, accepted: 1, exitCode: 4 });
    expect((await services.store.children.findByIds(['C1', 'C2'])).map((c) => c.id)).toEqual(['C1']);
  });

  it('writes rejected rows to a CSV where formula-looking cells stay text', async () => {
    const rejects = join(dir, 'rejects.csv');
    await importChildren(`${header}C1,T1,=HYPERLINK("http://evil"),Lee,LAC,\n`, { rejects });
    const text = readFileSync(rejects, 'utf8');
    expect(text.split('\r\n')[0]).toBe('line,reason,id,teamId,firstName,familyName,kind,dateOfBirth');
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).not.toMatch(/,=HYPERLINK/);
  });

  it('stores formula-looking names as the text they are', async () => {
    await importChildren(`${header}C1,T1,+Ann,@Lee,child-in-need,\n`);
    expect(await services.store.children.get('C1', 'T1')).toMatchObject({
      name: { first: '+Ann', familyInitial: '@' },
    });
  });

  it('uses a mapping file for a case system with its own column names and codes', async () => {
    const mapping = file(
      'mapping.json',
      readFileSync(join(__dirname, '../../../docs/csv-mapping.example.json'), 'utf8'),
    );
    const { report } = await importChildren(
      '\ufeffCase Number,Team Code,Forename,Surname,DOB,Case Category,Worker ID,Referral Date,Start of Care,Closed?\r\n' +
        '5001,T1,Ann,Lee,03/04/2016,CIN,,01/11/2026,,no\r\n',
      { mapping },
    );
    expect(report.exitCode).toBe(0);
    expect(await services.store.children.get('5001', 'T1')).toMatchObject({
      kind: 'child-in-need',
      dateOfBirth: '2016-04-03',
      anchors: { referral: '2026-11-01' },
      closed: false,
    });
  });
});
