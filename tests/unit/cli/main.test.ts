/** The `hearth` command line's own parsing: usage errors are clear and exit 2. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { checkLanguage } from '../../../src/text/language-check';
import type { TeamDigest } from '../../../src/domain/digest';
import type { SaidPlan } from '../../../src/cli/plan-command';
import { demoRecords } from '../../../src/local/demo-data';

let output: string;
beforeEach(() => {
  output = '';
  process.exitCode = undefined;
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((output += String(chunk)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((output += String(chunk)), true));
  jest.spyOn(console, 'error').mockImplementation((...args) => void (output += `${args.join(' ')}\n`));
});
afterEach(() => {
  jest.restoreAllMocks();
  process.exitCode = undefined;
});

const run = (...args: string[]) => main(['node', 'hearth', ...args]);

it('explains import in --help', async () => {
  await run('import', '--help');
  expect(output).toContain('Usage: hearth import [options] <file>');
  expect(output).toContain('--kind <kind>');
  expect(process.exitCode).toBeUndefined();
});

it('insists on --kind', async () => {
  await run('import', 'x.csv');
  expect(output).toContain("required option '--kind <kind>' not specified");
  expect(process.exitCode).toBe(2);
});

it('refuses an unknown kind, listing the right ones', async () => {
  await run('import', 'x.csv', '--kind', 'households');
  expect(output).toContain('Allowed choices are teams, people, children, events');
  expect(process.exitCode).toBe(2);
});

it('says when Hearth is not running locally', async () => {
  process.env.HEARTH_DATA_DIR = `/tmp/hearth-not-running-${process.pid}`;
  await run('import', 'x.csv', '--kind', 'children', '--local');
  delete process.env.HEARTH_DATA_DIR;
  expect(output).toContain('Start it with npm start first');
  expect(process.exitCode).toBe(2);
});

describe('hearth calendar', () => {
  it('prints bank holidays one ISO date per line', async () => {
    const lines: string[] = [];
    jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    await run('calendar', '--region', 'england-and-wales', '--from', '2026-12-01', '--to', '2027-01-31');
    expect(lines).toEqual(['2026-12-25', '2026-12-28', '2027-01-01']);
    expect(process.exitCode).toBeUndefined();
  });

  it('prints 2018 to 2027 for England and Wales: 8 a year plus the 3 extra days of 2022 and 2023', async () => {
    const lines: string[] = [];
    jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    await run('calendar', '--region', 'england-and-wales', '--from', '2018-01-01', '--to', '2027-12-31');
    expect(lines).toHaveLength(83);
    expect(lines).toEqual(expect.arrayContaining(['2020-05-08', '2022-06-03', '2022-09-19', '2023-05-08']));
    expect(lines).not.toContain('2020-05-04');
  });

  it.each([
    [['--from', '01/12/2026', '--to', '2027-01-31'], 'must be a date like 2026-12-01'],
    [['--from', '2027-01-31', '--to', '2026-12-01'], '--to must not be before --from'],
    [
      ['--region', 'wales', '--from', '2026-01-01', '--to', '2026-12-31'],
      'Allowed choices are england-and-wales, scotland, northern-ireland',
    ],
  ])('refuses %j with a clear message', async (args, message) => {
    await run('calendar', ...args);
    expect(output).toContain(message);
    expect(process.exitCode).toBe(2);
  });
});

describe('hearth plan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-plan-'));
  const dataFile = join(dir, 'demo.json');
  writeFileSync(dataFile, JSON.stringify({ records: demoRecords(new Date('2026-11-30T09:00:00Z')) }));

  async function planAt(at: string) {
    const lines: string[] = [];
    jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    await run('plan', '--at', at, '--data', dataFile);
    return JSON.parse(lines.join('\n')) as SaidPlan;
  }

  it('prints the bundles planned at a London time, for the demo authority', async () => {
    const result = await planAt('2026-12-01T08:30');
    expect(process.exitCode).toBeUndefined();
    // Tuesday: all eight demo practitioners work (Adele Mon-Wed, Tom Tue-Fri).
    expect(result.bundles.map((b) => b.practitionerId).sort()).toEqual([
      'demo-adele',
      'demo-alex',
      'demo-grace',
      'demo-isaiah',
      'demo-lynne',
      'demo-megan',
      'demo-priya',
      'demo-tom',
    ]);
    expect(result.bundles.every((b) => b.id.endsWith(':2026-12-01:morning'))).toBe(true);
    const everything = result.bundles.flatMap((b) => [
      b.preview,
      b.seenThisWeek.sentence,
      ...[b.today, b.notSeenYet, b.comingUp, b.cannotWorkOut].flat().map((i) => i.sentence),
    ]);
    expect(everything.flatMap((text) => checkLanguage(text).map((p) => `${p.term} in: ${text}`))).toEqual([]);
    expect(result.bundles.some((b) => b.notSeenYet.length > 0)).toBe(true);
    expect(result.bundles.some((b) => b.cannotWorkOut.length > 0)).toBe(true);
  });

  it.each(['2026-12-01T08:30', '2026-12-04T08:30', '2026-12-24T08:30', '2027-01-04T08:30'])(
    'at %s says no deadline on a weekend day, and at most one line of dates needed a child',
    async (at) => {
      const result = await planAt(at);
      const sentences = result.bundles.flatMap((b) =>
        [b.today, b.notSeenYet, b.comingUp, b.beforeLeave].flat().map((i) => i.sentence),
      );
      expect(sentences.length).toBeGreaterThan(20);
      // A deadline on a weekend is said as the working day before it, and says so.
      const weekendDeadline = (t: string) =>
        t
          .replace(/the last working day before (Saturday|Sunday)/g, '')
          .replace(/(booked for|since) (Saturday|Sunday)/g, '')
          .match(/Saturday|Sunday/);
      expect(sentences.filter(weekendDeadline)).toEqual([]);
      for (const b of result.bundles) {
        const children = b.cannotWorkOut.map((i) => i.childId);
        expect(new Set(children).size).toBe(children.length);
      }
    },
  );

  it('plans nothing before anyone’s morning time', async () => {
    expect((await planAt('2026-12-01T08:29')).bundles).toEqual([]);
  });

  it.each([
    [
      ['plan', '--at', 'tomorrow', '--data', 'x.json'],
      'must be a London date and time like 2026-12-01T08:30',
    ],
    [['plan', '--at', '2026-12-01T08:30'], 'say where the data is'],
    [['plan', '--at', '2026-12-01T08:30', '--data', '/nonexistent/x.json'], 'is not readable JSON'],
  ])('refuses %j with a clear message', async (args, message) => {
    await run(...args);
    expect(output).toContain(message);
    expect(process.exitCode).toBe(2);
  });

  it('names each bad record in a data file', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        records: [
          { type: 'child', id: 'x' },
          { type: 'event', id: 'e', childId: 'nobody', kind: 'visit', dueDate: '2026-12-01' },
        ],
      }),
    );
    await run('plan', '--at', '2026-12-01T08:30', '--data', bad);
    expect(output).toContain('records[0]: teamId: must be text');
    expect(output).toContain('records[1]: childId: no child nobody in this file');
    expect(process.exitCode).toBe(2);
  });
});

describe('hearth digest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-digest-'));
  const dataFile = join(dir, 'demo.json');
  writeFileSync(dataFile, JSON.stringify({ records: demoRecords(new Date('2026-11-30T09:00:00Z')) }));

  it("prints a team's digest for an ISO week, as made the Monday after", async () => {
    const lines: string[] = [];
    jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    await run('digest', '--team', 'demo-team-north', '--week', '2026-W48', '--data', dataFile);
    expect(process.exitCode).toBeUndefined();
    const digest = JSON.parse(lines.join('\n')) as TeamDigest;
    expect(digest).toMatchObject({
      teamId: 'demo-team-north',
      teamName: 'North Family Help',
      weekId: '2026-W48',
      weekStart: '2026-11-23',
      asOf: '2026-11-30',
    });
    expect(digest.trend.weeks).toHaveLength(8);
    // Only North's practitioners and children.
    expect(digest.notSeenYet.every((c) => c.practitionerId !== 'demo-lynne')).toBe(true);
  });

  it.each([
    [
      ['digest', '--team', 'demo-team-north', '--week', '2026-49', '--data', 'x.json'],
      'must be an ISO week like 2026-W49',
    ],
    [
      ['digest', '--team', 'demo-team-north', '--week', '2025-W53', '--data', 'x.json'],
      'must be an ISO week',
    ],
    [['digest', '--team', 'demo-team-north', '--week', '2026-W49'], 'say where the data is'],
    [['digest', '--week', '2026-W49', '--data', 'x.json'], "required option '--team <id>'"],
    [
      ['digest', '--team', 'nobody', '--week', '2026-W49', '--data', dataFile],
      'there is no team nobody in the data',
    ],
  ])('refuses %j with a clear message', async (args, message) => {
    await run(...args);
    expect(output).toContain(message);
    expect(process.exitCode).toBe(2);
  });
});
