/**
 * `hearth feedback link` and `hearth feedback export` against the real store: the link alone on the
 * last line and working, the export in ids with formula-safe CSV, and clear usage errors.
 */
import type { Services } from '../../../src/app/root';
import { runFeedbackExport, runFeedbackLink } from '../../../src/cli/feedback-command';
import { main } from '../../../src/cli/main';
import { ingest } from '../../../src/services/ingest-batch';
import { openFeedbackLink } from '../../../src/services/feedback/open-link';
import { saveFeedbackAnswer } from '../../../src/services/feedback/save-answer';
import { submitFeedback } from '../../../src/services/feedback/submit-response';
import { doNothingOnSubmitted } from '../../../src/services/feedback/deps';
import { child, team } from '../../support/records';
import { disposeServices, testServices } from '../../support/services';

let services: Services;
const now = new Date('2026-11-25T10:00:00Z');
beforeAll(async () => {
  services = await testServices({}, () => now);
  await ingest(
    services.store,
    [
      team('T1'),
      { type: 'person', id: 'W7', teamId: 'T1', displayName: 'Sam Taylor', roles: ['practitioner'] },
      child('C1', 'T1', { allocatedPractitionerId: 'W7' }),
      child('C2', 'T1'),
    ],
    { acceptValid: false, actor: 'test', now },
  );
});
afterAll(() => disposeServices(services));

const linkFor = async (childId: string, extra: { practitioner?: string } = {}) => {
  const lines: string[] = [];
  const code = await runFeedbackLink(
    services,
    {
      child: childId,
      audience: 'young-person',
      language: 'ur',
      publicBaseUrl: 'https://hearth.example',
      ...extra,
    },
    (line) => lines.push(line),
  );
  return { code, lines };
};

describe('hearth feedback link', () => {
  it('prints a working link alone on the last line, for the child’s team and practitioner', async () => {
    const { code, lines } = await linkFor('C1');
    expect(code).toBe(0);
    const url = lines.at(-1) ?? '';
    expect(url).toMatch(/^https:\/\/hearth\.example\/api\/f\/[A-Za-z0-9_-]{22}$/);
    expect(lines.join('\n')).not.toMatch(/Amira|Sam Taylor/);
    const opened = await openFeedbackLink(
      { feedback: services.store.feedback, now: () => now },
      url.split('/').pop()!,
    );
    expect(opened).toMatchObject({
      state: 'ok',
      link: {
        teamId: 'T1',
        childId: 'C1',
        practitionerId: 'W7',
        audience: 'young-person',
        language: 'ur',
        createdBy: 'cli',
      },
    });
  });

  it('says so when the child is unknown or has nobody allocated, and makes no link', async () => {
    expect((await linkFor('C404')).code).toBe(1);
    const { code, lines } = await linkFor('C2');
    expect(code).toBe(1);
    expect(lines[0]).toMatch(/--practitioner/);
    expect((await linkFor('C2', { practitioner: 'W7' })).code).toBe(0);
  });
});

describe('hearth feedback export', () => {
  beforeAll(async () => {
    const deps = { feedback: services.store.feedback, now: () => now, onSubmitted: doNothingOnSubmitted };
    const { lines } = await linkFor('C1');
    const token = lines.at(-1)!.split('/').pop()!;
    const answers: Record<string, string | boolean> = {
      overall: 'good',
      listened: 'yes',
      explained: 'yes',
      fair: 'partly',
      next: 'no',
      unsafe: 'no',
      good: '=HYPERLINK("https://evil.example","click")',
      share: true,
    };
    for (const [questionId, value] of Object.entries(answers))
      await saveFeedbackAnswer(deps, { token, questionId, value });
    expect((await submitFeedback(deps, { token, language: 'ur' })).state).toBe('submitted');
  });

  it('writes CSV with ids, and a cell a spreadsheet would run kept as text', async () => {
    let text = '';
    await runFeedbackExport(
      services,
      { from: '2026-11-25', to: '2026-11-25', csv: true },
      (t) => (text += t),
    );
    const [header, row] = text.split('\r\n');
    expect(header).toBe(
      'responseId,linkId,teamId,childId,practitionerId,audience,linkLanguage,language,submittedAt,' +
        'overall,listened,explained,fair,next,good,better,share,unsafe,tell,possibleWorry,flaggedQuestions,readAt,acknowledgedAt',
    );
    expect(row).toContain(',T1,C1,W7,young-person,ur,ur,');
    expect(row).toContain(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
  });

  it('writes JSON by default', async () => {
    let text = '';
    await runFeedbackExport(
      services,
      { from: '2026-11-01', to: '2026-11-30', csv: false },
      (t) => (text += t),
    );
    expect(JSON.parse(text)).toEqual([
      expect.objectContaining({ childId: 'C1', fair: 'partly', possibleWorry: false }),
    ]);
  });
});

describe('usage', () => {
  let output = '';
  beforeEach(() => {
    output = '';
    process.exitCode = undefined;
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((output += String(chunk)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((output += String(chunk)), true));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.exitCode = undefined;
  });

  it.each([
    [
      ['feedback', 'link', '--child', 'C1', '--for', 'grandparent'],
      /Allowed choices are parent, young-person, child/,
    ],
    [
      ['feedback', 'link', '--child', 'C1', '--for', 'child', '--lang', 'fr'],
      /Allowed choices are en, cy, ur, pl/,
    ],
    [['feedback', 'link', '--for', 'child'], /required option '--child <id>'/],
    [['feedback', 'export', '--from', '2026-13-01', '--to', '2026-12-01'], /must be a date like 2026-12-01/],
    [['feedback', 'export', '--from', '2026-12-02', '--to', '2026-12-01'], /--to must not be before --from/],
  ])('refuses %j with exit code 2', async (args, message) => {
    await main(['node', 'hearth', ...args]);
    expect(output).toMatch(message);
    expect(process.exitCode).toBe(2);
  });
});
