/** The audit programme file: defaults, the shipped example, and files that are wrong, said plainly. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../../src/config';
import {
  DEFAULT_PROGRAMME,
  DEFAULT_STANDARD_IDS,
  parseProgramme,
  parseThemeText,
  themeCode,
} from '../../../src/domain/audit-programme';
import { standardText } from '../../../src/text/audit-standards';

const example = JSON.parse(
  readFileSync(join(__dirname, '../../../docs/audit-programme.example.json'), 'utf8'),
);

describe('parseProgramme', () => {
  it('fills every default from an empty file: ten standards, 15 working days, 10% moderation', () => {
    const programme = parseProgramme({});
    expect(programme).toEqual(DEFAULT_PROGRAMME);
    expect(programme.standards.map((s) => s.id)).toEqual([...DEFAULT_STANDARD_IDS]);
    expect(programme.dueWorkingDays).toBe(15);
    expect(programme.moderation.share).toBe(0.1);
  });

  it('reads the shipped example: reordered, reworded and added standards', () => {
    const programme = parseProgramme(example);
    expect(programme.standards.map((s) => s.id).slice(0, 3)).toEqual([
      'seen-and-heard',
      'risk',
      'chronology',
    ]);
    expect(standardText(programme.standards[1]!)).toBe('Risk is analysed, including cumulative harm.');
    expect(standardText(programme.standards.find((s) => s.id === 'identity')!)).toContain('sexuality');
    expect(programme.standards.at(-1)).toMatchObject({ id: 'education', required: false });
    expect(programme.sample.themes).toHaveLength(3);
  });

  it('keeps defaults beside what a file sets in part', () => {
    const programme = parseProgramme({ auditors: { peer: false }, moderation: { share: 0.25 } });
    expect(programme.auditors).toEqual({ managers: true, headsOfService: false, named: [], peer: false });
    expect(programme.moderation).toEqual({ share: 0.25, atLeastOnePerTeamPerMonth: true, moderators: [] });
  });

  it.each<[string, unknown, string]>([
    [
      'a fractional audit count',
      { auditsPerAuditorPerMonth: 2.5 },
      'auditsPerAuditorPerMonth: must be a whole number',
    ],
    ['no audits', { auditsPerAuditorPerMonth: 0 }, 'auditsPerAuditorPerMonth: must be at least 1'],
    [
      'a mix of nothing',
      { sample: { mix: { random: 0, stratified: 0 } } },
      'sample.mix: random and stratified cannot both be 0',
    ],
    ['a share above 1', { moderation: { share: 10 } }, 'moderation.share: must be between 0 and 1'],
    ['an unknown field', { auditsPerMonth: 3 }, 'Unrecognized key: "auditsPerMonth"'],
    [
      'an unknown theme',
      { sample: { themes: [{ month: '2027-01', theme: { flag: 'naughty' } }] } },
      'sample.themes.0.theme: must be',
    ],
    [
      'a bad month',
      { sample: { themes: [{ month: '2027-13', theme: { notSeenAlone: true } }] } },
      'sample.themes.0.month: must be a month like 2026-12',
    ],
    [
      'two themes in a month',
      {
        sample: {
          themes: [
            { month: '2027-01', theme: { notSeenAlone: true } },
            { month: '2027-01', theme: { flag: 'missing' } },
          ],
        },
      },
      'sample.themes.1: 2027-01 has two themes',
    ],
    [
      'a new standard without words',
      { standards: [{ id: 'education' }] },
      'standards.0: education is a new standard, so it needs its "text"',
    ],
    [
      'a standard twice',
      { standards: [{ id: 'risk' }, { id: 'risk' }] },
      'standards.1: risk is listed twice',
    ],
    ['no standards', { standards: [] }, 'standards: must list at least one standard'],
    [
      'working hours backwards',
      { worries: { workingHours: { start: '17:00', end: '09:00' } } },
      'worries.workingHours: start must be before end',
    ],
    ['a person id with a slash', { auditors: { named: ['a/b'] } }, 'auditors.named.0: must be a person id'],
  ])('refuses %s and says where', (_, json, message) => {
    expect(() => parseProgramme(json)).toThrow(message);
  });
});

describe('themes typed in a command', () => {
  it.each([
    ['flag:neglect', { flag: 'neglect' }],
    ['kind:child-in-care', { childKind: 'child-in-care' }],
    ['not-seen-alone', { notSeenAlone: true }],
    [' Flag:Missing ', { flag: 'missing' }],
    ['flag:naughty', undefined],
    ['kind:', undefined],
    ['neglect', undefined],
  ])('reads %j', (text, theme) => {
    expect(parseThemeText(text)).toEqual(theme);
    if (theme) expect(parseThemeText(themeCode(parseThemeText(text)!))).toEqual(theme);
  });
});

describe('HEARTH_AUDIT_PROGRAMME_FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-programme-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const problems = (path: string) => {
    try {
      loadConfig({ HEARTH_MODE: 'local', HEARTH_AUDIT_PROGRAMME_FILE: path });
      return [];
    } catch (error) {
      return (error as ConfigError).problems;
    }
  };

  it('defaults when unset, and loads the example', () => {
    expect(loadConfig({ HEARTH_MODE: 'local' }).auditProgramme).toEqual(DEFAULT_PROGRAMME);
    const path = join(__dirname, '../../../docs/audit-programme.example.json');
    expect(loadConfig({ HEARTH_MODE: 'local', HEARTH_AUDIT_PROGRAMME_FILE: path }).auditProgramme.seed).toBe(
      'riverside-2026',
    );
  });

  it('stops start-up on a file that is not JSON, is wrong, or is missing', () => {
    expect(problems(file('bad.json', '{ nope'))[0]).toMatch(/^HEARTH_AUDIT_PROGRAMME_FILE: .*JSON/);
    expect(problems(file('wrong.json', '{"dueWorkingDays": 0}'))).toEqual([
      'HEARTH_AUDIT_PROGRAMME_FILE: The audit programme file is not right: dueWorkingDays: must be at least 1',
    ]);
    expect(problems(join(dir, 'absent.json'))[0]).toMatch(
      /^HEARTH_AUDIT_PROGRAMME_FILE: .*ENOENT.*absent.json/,
    );
  });

  it("holds an authority's own standards to Hearth's words", () => {
    const path = file(
      'words.json',
      JSON.stringify({ standards: [{ id: 'caseload', text: 'The caseload allows time for the case.' }] }),
    );
    expect(problems(path)).toEqual([
      'HEARTH_AUDIT_PROGRAMME_FILE: standard caseload says "caseload"; please say "the children you work with" instead',
      'HEARTH_AUDIT_PROGRAMME_FILE: standard caseload says "case"; please say "child, or family" instead',
    ]);
    expect(() => loadConfig({ HEARTH_MODE: 'local', HEARTH_AUDIT_PROGRAMME_FILE: path })).toThrow(
      ConfigError,
    );
  });
});
