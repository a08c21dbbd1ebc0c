/**
 * What follows audits, through the real store: the gentle nudge, the manager's digest section,
 * moderation (only the moderator, agree or regrade with a reason), and the quality board's export
 * and printable summary (formula-safe, ids unless names are asked for, every value escaped).
 */
import type { Services } from '../../../../src/app/root';
import type { Audit } from '../../../../src/domain/audit';
import { DEFAULT_PROGRAMME } from '../../../../src/domain/audit-programme';
import {
  assignMonth,
  auditDigestSection,
  auditExportCsv,
  auditMonthSummary,
  chooseModeration,
  exportAudits,
  moderateAudit,
  nudgeLateAudits,
} from '../../../../src/services/audits';
import { disposeServices, testServices } from '../../../support/services';
import { answeredAll } from '../../../support/audits';
import { auditDeps, cardText, seedAuthority } from '../../../support/audit-authority';
import type { TestDeps } from '../../../support/audit-authority';

let services: Services;
let deps: TestDeps;
let audits: Audit[];

beforeEach(async () => {
  services = await testServices();
  await seedAuthority(services, new Date('2026-11-23T09:00:00Z'));
  deps = auditDeps(services, '2026-12-01T08:00:00Z');
  await assignMonth(deps, { month: '2026-12' });
  audits = (await services.store.audits.forMonth('2026-12')).sort((a, b) => (a.id < b.id ? -1 : 1));
  deps.sent.length = 0;
});
afterEach(() => disposeServices(services));

/** Marks an audit submitted, as the submit use case leaves it. */
async function submitted(audit: Audit, extra: Partial<Audit> = {}) {
  await services.store.audits.audits.update(audit.id, audit.teamId, (a) => ({
    ...a,
    status: 'submitted',
    submittedAt: '2026-12-15T10:00:00.000Z',
    answers: {
      ...a.answers,
      standards: answeredAll({ genogram: { answer: 'no' } }),
      reflection: { workingWell: 'The family network is strong and used well.' },
      grade: 'good',
    },
    ...extra,
  }));
}

describe('nudgeLateAudits', () => {
  it('nudges each auditor gently the working day after the due date, once', async () => {
    await submitted(audits[0]!);
    deps.at('2026-12-22T09:00:00Z');
    expect(await nudgeLateAudits(deps)).toEqual({ nudged: [] });
    deps.at('2026-12-23T09:00:00Z');
    const { nudged } = await nudgeLateAudits(deps);
    expect(nudged.sort()).toEqual(
      audits
        .slice(1)
        .map((a) => a.id)
        .sort(),
    );
    const message = deps.sent[0]!;
    expect(message).toMatchObject({ kind: 'audit-nudge', preview: 'A gentle reminder about an audit' });
    expect(cardText(message.card)).toMatch(
      /Your audit of .*’s record was due by Tuesday 22 December\. Could you find time to finish it\?/,
    );
    expect(JSON.stringify(message.card)).toContain('"verb":"audit-open"');
    expect(await nudgeLateAudits(deps)).toEqual({ nudged: [] });
    deps.at('2026-12-24T09:00:00Z');
    expect(await nudgeLateAudits(deps)).toEqual({ nudged: [] });
  });

  it('does nothing on a day that is not a working day', async () => {
    deps.at('2026-12-26T09:00:00Z');
    expect(await nudgeLateAudits(deps)).toEqual({ nudged: [] });
  });
});

describe('auditDigestSection', () => {
  it('gives strengths, audits done, grades and standards, and the late audits of those a manager manages', async () => {
    await submitted(audits[0]!);
    deps.at('2026-12-31T09:00:00Z');
    const section = await auditDigestSection(deps, { managerId: 'H1', from: '2026-12-01', to: '2026-12-31' });
    const lines = section!.sentences;
    expect(lines[0]).toBe('Working well: “The family network is strong and used well.”');
    expect(lines).toContain('1 of the 5 audits due by Thursday 31 December is done.');
    expect(lines).toContain('Grades: Good 1.');
    expect(
      lines.some((l) =>
        l.startsWith('Least often met: “There is a genogram or family network map on file.”'),
      ),
    ).toBe(true);
    // The managers answer to the head of service; the quality lead answers to North's manager.
    const late = lines.filter((l) => l.includes('is not submitted yet'));
    const byManagers = audits.slice(1).filter((a) => a.auditorId !== 'Q1').length;
    expect(late).toHaveLength(byManagers);
    expect(late[0]).toMatch(
      /^(Patti Fernandez|Sam Taylor)’s audit of .*’s record was due by Tuesday 22 December and is not submitted yet\.$/,
    );
    const north = await auditDigestSection(deps, { managerId: 'M1', from: '2026-12-01', to: '2026-12-31' });
    const quinn = audits.slice(1).filter((a) => a.auditorId === 'Q1').length;
    expect(north!.sentences.filter((l) => l.startsWith('Quinn Ahmed’s audit'))).toHaveLength(quinn);
  });

  it('has no late lines before the grace of five working days is over', async () => {
    deps.at('2026-12-30T09:00:00Z');
    const section = await auditDigestSection(deps, { managerId: 'H1', from: '2026-12-01', to: '2026-12-31' });
    expect(section!.sentences.filter((l) => l.includes('is not submitted yet'))).toEqual([]);
  });
});

describe('moderation', () => {
  beforeEach(async () => {
    for (const a of audits.slice(0, 3)) await submitted(a);
    deps.at('2027-01-04T09:00:00Z');
  });

  it('chooses at least one a team, sends each to a moderator who is not its auditor, once', async () => {
    const first = await chooseModeration(deps, { month: '2026-12' });
    const teams = new Set(audits.slice(0, 3).map((a) => a.teamId));
    expect(first.chosen.length).toBe(teams.size);
    expect(first.sent).toBe(teams.size);
    expect(deps.sent.every((m) => m.to === 'H1' && m.kind === 'audit-moderation')).toBe(true);
    expect((await chooseModeration(deps, { month: '2026-12' })).sent).toBe(0);
  });

  it('lets only the moderator agree or regrade, and a regrade needs another grade and a reason', async () => {
    await chooseModeration(deps, { month: '2026-12' });
    const [chosen] = (await services.store.audits.forMonth('2026-12')).filter((a) => a.moderation);
    const id = chosen!.id;
    expect((await moderateAudit(deps, { actorId: 'M1', data: { audit: id, agree: 'yes' } })).outcome).toBe(
      'not-yours',
    );
    const same = await moderateAudit(deps, {
      actorId: 'H1',
      data: { audit: id, agree: 'no', grade: 'good', reason: 'x' },
    });
    expect(cardText(same.card)).toContain(
      'Please choose a grade that differs from the auditor’s, or agree with theirs.',
    );
    const noReason = await moderateAudit(deps, {
      actorId: 'H1',
      data: { audit: id, agree: 'no', grade: 'requires-improvement', reason: '  ' },
    });
    expect(noReason.outcome).toBe('refused');
    expect(cardText(noReason.card)).toContain('Please say why you would grade it differently.');
    const bad = await moderateAudit(deps, { actorId: 'H1', data: { audit: id, agree: 'maybe' } });
    expect(bad.outcome).toBe('malformed');
    const regraded = await moderateAudit(deps, {
      actorId: 'H1',
      data: { audit: id, agree: 'no', grade: 'requires-improvement', reason: 'The plan is not SMART yet.' },
    });
    expect(regraded.outcome).toBe('regraded');
    expect(cardText(regraded.card)).toContain(
      'You regraded this audit as Requires improvement to be good. Thank you.',
    );
    expect((await moderateAudit(deps, { actorId: 'H1', data: { audit: id, agree: 'yes' } })).outcome).toBe(
      'stale',
    );
    const section = await auditDigestSection(deps, { managerId: 'H1', from: '2026-12-01', to: '2026-12-31' });
    expect(section!.sentences).toContain('Moderators agreed with 0 of 1 grade.');
  });
});

describe('export', () => {
  beforeEach(async () => {
    await services.store.people.update('Q1', 'T1', (p) => ({
      ...p,
      displayName: '=HYPERLINK("http://evil")',
    }));
    await submitted(audits[0]!, {
      answers: {
        standards: answeredAll(),
        reflection: { workingWell: '<script>alert("x")</script> & more' },
        grade: 'outstanding',
        actions: [],
      },
    });
  });

  it('writes ids, not names, in CSV a spreadsheet opens safely', async () => {
    const data = await exportAudits(deps, { from: '2026-12-01', to: '2026-12-31', names: false });
    const csv = auditExportCsv(data);
    expect(csv.split('\r\n')[0]).toBe(
      `audit_id,month,origin,team_id,child_id,child_kind,practitioner_id,auditor_id,reason,assigned_on,due_date,status,submitted_on,grade,moderated,moderation_agreed,moderated_grade,${DEFAULT_PROGRAMME.standards.map((s) => `standard_${s.id}`).join(',')},actions,actions_open,worries`,
    );
    expect(data.rows).toHaveLength(5);
    expect(csv).not.toMatch(/Amira|Patti|Quinn|HYPERLINK|evil/);
    expect(csv).toContain(`${audits[0]!.id},2026-12,monthly`);
    expect(csv).toContain(',outstanding,no,,,yes,yes');
  });

  it('adds names only when asked, with formula-looking names kept as text', async () => {
    const csv = auditExportCsv(
      await exportAudits(deps, { from: '2026-12-01', to: '2026-12-31', names: true }),
    );
    expect(csv.split('\r\n')[0]).toContain('auditor_id,child_name,practitioner_name,auditor_name,reason');
    expect(audits.some((a) => a.auditorId === 'Q1')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain('Alex Wilber');
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('prints a one-page summary of the month with every value escaped', async () => {
    const page = await auditMonthSummary(deps, { month: '2026-12', made: '2027-01-04' });
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<html lang="en-GB">');
    expect(page).toContain('<h1>What audits found: December 2026</h1>');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(page).not.toContain('<script>');
    expect(page).toContain('Audits done: 1 of 5 due.');
    expect(page).not.toMatch(/Amira|Khan/);
  });
});
