/** `hearth audit`: the sample printed from a feed file, writing nothing, and clear usage errors. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { demoRecords } from '../../../src/local/demo-data';

let output: string;
let lines: string[];
beforeEach(() => {
  output = '';
  lines = [];
  process.exitCode = undefined;
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((output += String(chunk)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((output += String(chunk)), true));
  jest.spyOn(console, 'error').mockImplementation((...args) => void (output += `${args.join(' ')}\n`));
  jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
});
afterEach(() => {
  jest.restoreAllMocks();
  process.exitCode = undefined;
});

const run = (...args: string[]) => main(['node', 'hearth', ...args]);
const dir = mkdtempSync(join(tmpdir(), 'hearth-audit-cli-'));
const dataFile = join(dir, 'feed.json');
writeFileSync(dataFile, JSON.stringify({ records: demoRecords(new Date('2026-11-30T09:00:00Z')) }));

describe('hearth audit sample', () => {
  it('prints the month’s plan as JSON: children, auditors, why, the due date; ids, never names', async () => {
    await run('audit', 'sample', '--month', '2026-12', '--data', dataFile);
    expect(process.exitCode).toBeUndefined();
    const plan = JSON.parse(lines.join('\n')) as { picks: Record<string, unknown>[] };
    expect(plan).toMatchObject({
      month: '2026-12',
      assignOn: '2026-12-01',
      dueDate: '2026-12-22',
      seed: 'hearth',
    });
    expect(plan.picks.length).toBeGreaterThan(0);
    for (const pick of plan.picks) {
      expect(pick).toEqual(
        expect.objectContaining({
          childId: expect.any(String),
          auditorId: expect.any(String),
          why: expect.any(String),
        }),
      );
    }
    const records = demoRecords(new Date('2026-11-30T09:00:00Z'));
    const names = records.filter((r) => r.type === 'child').map((r) => String(r.firstName));
    expect(names.some((n) => lines.join('\n').includes(`"${n}"`))).toBe(false);
  });

  it('prints the same plan twice', async () => {
    await run('audit', 'sample', '--month', '2027-01', '--data', dataFile);
    const first = lines.join('\n');
    lines = [];
    await run('audit', 'sample', '--month', '2027-01', '--data', dataFile);
    expect(lines.join('\n')).toBe(first);
  });

  it.each([
    [['audit', 'sample', '--month', '2026-13', '--data', 'x.json'], 'must be a month like 2026-12'],
    [['audit', 'sample', '--month', '2026-12'], 'say where the data is: --data <file> or --store'],
    [
      ['audit', 'sample', '--month', '2026-12', '--data', 'x.json', '--store'],
      "cannot be used with option '--store'",
    ],
    [['audit', 'export', '--from', '2026-12-31', '--to', '2026-12-01'], '--to must not be before --from'],
    [['audit', 'export', '--from', '31/12/2026', '--to', '2026-12-31'], 'must be a date like 2026-12-01'],
    [
      ['audit', 'theme', '--month', '2027-01', '--theme', 'flag:neglect'],
      "required option '--as <person>' not specified",
    ],
  ])('refuses %j with a clear reason and exit code 2', async (args, message) => {
    await run(...args);
    expect(output).toContain(message);
    expect(process.exitCode).toBe(2);
  });

  it('explains itself in --help', async () => {
    await run('audit', '--help');
    expect(output).toMatch(/sample \[options\]/);
    expect(output).toMatch(/export \[options\]/);
    expect(output).toMatch(/summary \[options\]/);
  });
});
