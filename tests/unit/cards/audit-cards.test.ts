/**
 * The audit cards: templates hold bindings only, elements Teams mobile renders well, buttons carry
 * ids and never names, every card well under 40 KB at its largest, typed values come back on a
 * refused step, and names from outside never become links.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  renderAuditActionCard,
  renderAuditAssignmentCard,
  renderAuditLearningCard,
  renderAuditModerationCard,
  renderAuditNoteCard,
  renderAuditWorryCard,
} from '../../../src/cards/audit-cards';
import { renderAuditStepCard } from '../../../src/cards/audit-step-card';
import type { AuditStepView } from '../../../src/cards/audit-step-card';
import { renderDigestCard } from '../../../src/cards/digest-cards';
import { MAX_CARD_BYTES } from '../../../src/cards/render';
import type { Audit } from '../../../src/domain/audit';
import { auditSteps, findStep, INPUT } from '../../../src/domain/audit-steps';
import { auditFindings } from '../../../src/domain/audit-findings';
import { createCalendar } from '../../../src/domain/calendar';
import { buildTeamDigest, defaultDigestSettings } from '../../../src/domain/digest';
import { DEFAULT_RULES } from '../../../src/domain/timescale-rules';
import { auditDigestLines } from '../../../src/text/audit-findings';
import { checkLanguage } from '../../../src/text/language-check';
import { answeredAll, anAudit } from '../../support/audits';
import { aPerson } from '../../support/domain';

const CARDS_DIR = join(__dirname, '../../../cards');
const AUDIT_TEMPLATES = readdirSync(CARDS_DIR).filter((f) => f.startsWith('audit-'));
const HOSTILE = '[Amira](https://evil.example) *K*';
const TODAY = '2026-12-07';
const LONG = 'Amira said she feels listened to. '.repeat(30).slice(0, 1000);

const json = (card: unknown) => JSON.stringify(card);
const bytes = (card: unknown) => Buffer.byteLength(json(card));

/** Every object in a card, depth first. */
function objects(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(objects);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return [o, ...Object.values(o).flatMap(objects)];
  }
  return [];
}
const actions = (card: unknown) => objects(card).filter((o) => typeof o.verb === 'string');
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : value && typeof value === 'object'
      ? Object.values(value).flatMap(strings)
      : [];

const full: Audit = anAudit('C1', {
  status: 'submitted',
  submittedAt: '2026-12-15T10:00:00.000Z',
  answers: {
    facts: { right: true },
    standards: Object.fromEntries(
      Object.entries(answeredAll()).map(([id, a]) => [id, { ...a, comment: LONG }]),
    ),
    reflection: { workingWell: LONG, worried: LONG, needsToHappen: LONG, difference: LONG },
    grade: 'good',
    actions: [],
  },
  actions: [1, 2, 3].map((n) => ({
    id: String(n),
    what: 'W'.repeat(300),
    who: 'practitioner' as const,
    by: '2027-01-08',
    ownerId: 'P1',
  })),
});

const stepView = (step: string, extra: Partial<AuditStepView> = {}): AuditStepView => ({
  audit: full,
  step: findStep(full, step)!,
  childName: HOSTILE,
  practitionerFirstName: 'Sam',
  today: TODAY,
  facts: { asOf: TODAY, visits: { done: 4, onTime: 3, late: 1, unknown: 0 }, openItems: 2, notDoneYet: 1 },
  values: {},
  problems: [],
  commentMaxLength: 1000,
  ...extra,
});

function everyCard(): [string, Record<string, unknown>][] {
  const steps = auditSteps(full.standards).map(
    (s) =>
      [
        `step ${s.id}`,
        renderAuditStepCard(stepView(s.id, { values: { [INPUT.comment('risk')]: LONG } })),
      ] as [string, Record<string, unknown>],
  );
  return [
    ...steps,
    [
      'assignment',
      renderAuditAssignmentCard({
        month: '2026-12',
        today: TODAY,
        dueDate: '2026-12-22',
        theme: { flag: 'neglect' },
        items: [
          {
            auditId: full.id,
            teamId: 'T1',
            childName: HOSTILE,
            reason: { method: 'themed', theme: { flag: 'neglect' } },
            status: 'assigned',
          },
          {
            auditId: 'audit:2026-12:C2',
            teamId: 'T1',
            childName: 'Bo N.',
            reason: { method: 'random' },
            status: 'in-progress',
          },
          {
            auditId: 'audit:2026-12:C3',
            teamId: 'T2',
            childName: 'Cy L.',
            reason: { method: 'random' },
            status: 'submitted',
            submittedOn: TODAY,
          },
        ],
      }),
    ],
    [
      'worry',
      renderAuditWorryCard({
        worry: {
          id: 'worry:x:1',
          teamId: 'T1',
          childId: 'C1',
          auditId: full.id,
          raisedBy: 'M2',
          raisedAt: '2026-12-07T10:32:00Z',
          notified: ['M1'],
        },
        childName: HOSTILE,
        auditorName: 'Sam Taylor',
        recordUrl: 'https://records.example/child/C1',
        today: TODAY,
        escalation: { hours: 4 },
      }),
    ],
    [
      'learning',
      renderAuditLearningCard({
        audit: full,
        childName: HOSTILE,
        auditorName: 'Sam Taylor',
        practitionerName: 'Alex Wilber',
        forSupervisor: false,
        ownerWords: () => 'you',
        today: TODAY,
        maxLength: 2000,
      }),
    ],
    [
      'moderation',
      renderAuditModerationCard({
        audit: full,
        childName: HOSTILE,
        auditorName: 'Sam Taylor',
        today: TODAY,
        maxLength: 1000,
      }),
    ],
    [
      'action',
      renderAuditActionCard({ audit: full, action: full.actions[0]!, childName: HOSTILE, today: TODAY }),
    ],
    [
      'note',
      renderAuditNoteCard({
        preview: 'p',
        title: 't',
        lines: ['a'],
        buttons: [{ title: 'Open', verb: 'audit-open', audit: full.id, team: 'T1' }],
      }),
    ],
  ];
}

describe('the audit card templates', () => {
  it.each(AUDIT_TEMPLATES)('%s holds bindings only, no words', (file) => {
    const template = JSON.parse(readFileSync(join(CARDS_DIR, file), 'utf8')) as Record<string, unknown>;
    const worded = objects(template).flatMap((o) =>
      ['text', 'title', 'label', 'placeholder', 'speak', 'tooltip', 'altText', 'errorMessage']
        .filter((k) => typeof o[k] === 'string' && !/^\$\{[^}]+\}$/.test(o[k]))
        .map((k) => `${k}: ${String(o[k])}`),
    );
    expect(worded).toEqual([]);
    expect(template.version).toBe('1.5');
  });

  it.each(AUDIT_TEMPLATES)('%s uses only elements Teams mobile renders well', (file) => {
    const template = JSON.parse(readFileSync(join(CARDS_DIR, file), 'utf8'));
    const types = new Set(objects(template).flatMap((o) => (typeof o.type === 'string' ? [o.type] : [])));
    const allowed = [
      'AdaptiveCard',
      'TextBlock',
      'Container',
      'ActionSet',
      'Input.Text',
      'Input.ChoiceSet',
      'Input.Date',
      'Input.Toggle',
      'Action.Execute',
      'Action.ShowCard',
      'Action.OpenUrl',
    ];
    expect([...types].filter((t) => !allowed.includes(t))).toEqual([]);
    for (const action of objects(template).filter((o) => String(o.type).startsWith('Action.Submit')))
      expect(action).toBeUndefined();
  });
});

describe('the audit cards', () => {
  it.each(everyCard())('%s: under 40 KB at its largest, every binding filled, words checked', (_, card) => {
    expect(bytes(card)).toBeLessThan(MAX_CARD_BYTES);
    expect(json(card)).not.toContain('${');
    expect(card.version).toBe('1.5');
    const problems = strings(card)
      .filter((s) => !s.includes('evil.example'))
      .flatMap((s) => checkLanguage(s).map((p) => `${p.term}: ${s}`));
    expect(problems).toEqual([]);
  });

  it.each(everyCard())('%s: buttons carry ids and small data, never names', (_, card) => {
    for (const action of actions(card)) {
      expect(action.type).toBe('Action.Execute');
      const data = action.data as Record<string, unknown>;
      expect(
        Object.keys(data).every((k) =>
          ['audit', 'team', 'step', 'rev', 'go', 'worry', 'action', 'agree'].includes(k),
        ),
      ).toBe(true);
      expect(json(data)).not.toMatch(/Amira|Sam|Alex|evil/);
      expect(json(data).length).toBeLessThan(200);
    }
  });

  it.each(everyCard())('%s: a name from outside shows as text, never as a link', (_, card) => {
    expect(json(card)).not.toContain('[Amira](https');
  });

  it('brings a refused step back with what was typed and a line saying what to fix', () => {
    const typed = {
      [INPUT.answer('seen-and-heard')]: 'yes',
      [INPUT.comment('seen-and-heard')]: 'x'.repeat(1200),
    };
    const card = renderAuditStepCard(
      stepView('standards-1', {
        values: typed,
        problems: [
          { code: 'too-long', at: { field: 'standard-comment', position: 1 }, limit: 1000, length: 1200 },
        ],
      }),
    );
    const inputs = objects(card).filter((o) => String(o.type).startsWith('Input.'));
    expect(inputs.find((i) => i.id === INPUT.answer('seen-and-heard'))?.value).toBe('yes');
    expect(inputs.find((i) => i.id === INPUT.comment('seen-and-heard'))?.value).toBe('x'.repeat(1200));
    expect(json(card)).toContain(
      'The comment on standard 1 is 1,200 characters long; the most is 1,000. Please shorten it.',
    );
  });

  it('offers the worry at every step, and submit only at the check', () => {
    for (const step of auditSteps(full.standards)) {
      const card = renderAuditStepCard(stepView(step.id));
      const verbs = actions(card).map((a) => a.verb);
      expect(verbs).toContain('audit-worry');
      expect(verbs.includes('audit-submit')).toBe(step.id === 'check');
      expect(verbs.includes('audit-save')).toBe(true);
    }
    const facts = renderAuditStepCard(stepView('facts'));
    expect(actions(facts).find((a) => a.verb === 'audit-save')?.data).toEqual({
      audit: full.id,
      team: 'T1',
      step: 'facts',
      rev: 0,
      go: 'next',
    });
  });

  it('lets only the practitioner reply, once', () => {
    const view = {
      audit: full,
      childName: 'Amira K.',
      auditorName: 'Sam Taylor',
      practitionerName: 'Alex Wilber',
      ownerWords: () => 'you',
      today: TODAY,
      maxLength: 2000,
    };
    expect(actions(renderAuditLearningCard({ ...view, forSupervisor: false })).map((a) => a.verb)).toEqual([
      'audit-reflect',
    ]);
    expect(actions(renderAuditLearningCard({ ...view, forSupervisor: true }))).toEqual([]);
    const replied = { ...full, reflection: { text: 'Thank you', at: '2026-12-16T09:00:00Z' } };
    const card = renderAuditLearningCard({ ...view, audit: replied, forSupervisor: false });
    expect(actions(card)).toEqual([]);
    expect(json(card)).toContain('You sent your reflection to Sam on Wednesday 16 December. Thank you.');
    expect(json(card).indexOf('What’s working well')).toBeLessThan(
      json(card).indexOf('What we are worried about'),
    );
  });

  it("fills the digest's section, escaped by the digest card", () => {
    const findings = auditFindings([full], { from: '2026-12-01', to: '2026-12-31', today: TODAY });
    const digest = buildTeamDigest({
      team: { id: 'T1', name: 'North' },
      people: [aPerson('P1')],
      children: [],
      events: [],
      weekStart: '2026-11-30',
      asOf: TODAY,
      settings: defaultDigestSettings(createCalendar('england-and-wales'), DEFAULT_RULES),
    });
    const lines = auditDigestLines(
      findings,
      [{ auditorName: 'Sam Taylor', childName: HOSTILE, dueDate: '2026-12-01' }],
      TODAY,
    );
    const card = renderDigestCard(digest, { trendPicture: false, audits: lines });
    expect(json(card)).toContain('What audits found');
    expect(json(card)).toContain('Grades: Good 1.');
    expect(json(card)).not.toContain('[Amira](https');
  });
});
