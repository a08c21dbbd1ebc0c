import { createCalendar } from '../../../src/domain/calendar';
import { applyOverrides } from '../../../src/domain/timescale-schema';
import { DEFAULT_RULES } from '../../../src/domain/timescale-rules';
import { addMonths, workOutDue } from '../../../src/domain/timescales';
import type { CaseEvent, Child } from '../../../src/domain/types';
import { aChild, anEvent, done } from '../../support/domain';

const calendar = createCalendar('england-and-wales');
const dueFor = (child: Child, events: CaseEvent[], today: string, rules = DEFAULT_RULES) =>
  workOutDue(child, events, today, calendar, rules);
const find = (child: Child, events: CaseEvent[], today: string, ruleId: string) =>
  dueFor(child, events, today).due.find((d) => d.ruleId === ruleId);

describe('timescale rules with worked dates', () => {
  it.each<[string, Partial<Child>, CaseEvent[], string, string, string]>([
    // [what, child, events, today, rule, due]
    [
      'assessment: 45 working days from referral, over Christmas',
      { anchors: { referral: '2026-11-23' } },
      [],
      '2026-11-24',
      'assessment',
      '2027-01-28',
    ],
    [
      'referral decision: next working day, over Good Friday and Easter Monday',
      { anchors: { referral: '2026-04-02' } },
      [],
      '2026-04-02',
      'referral-decision',
      '2026-04-07',
    ],
    [
      'first child in need visit: 20 working days from the case opening',
      { anchors: { caseOpened: '2026-12-21' } },
      [],
      '2026-12-21',
      'child-in-need-visit',
      '2027-01-21',
    ],
    [
      'child in need visit: 20 working days after the last, over New Year',
      { anchors: { caseOpened: '2026-06-01' } },
      [done('C', 'visit', '2026-12-14')],
      '2026-12-20',
      'child-in-need-visit',
      '2027-01-14',
    ],
    [
      'child protection visit: 10 working days after the last',
      { kind: 'child-protection', anchors: { initialConference: '2026-10-01' } },
      [done('C', 'visit', '2026-11-23')],
      '2026-11-24',
      'child-protection-visit',
      '2026-12-07',
    ],
    [
      'initial conference: 15 working days from the strategy discussion, across the 2022 Jubilee',
      { kind: 'child-protection', anchors: { strategyDiscussion: '2022-05-25' } },
      [],
      '2022-05-26',
      'initial-conference',
      '2022-06-17',
    ],
    [
      'first core group: 10 working days from the initial conference',
      { kind: 'child-protection', anchors: { initialConference: '2026-12-17' } },
      [],
      '2026-12-17',
      'core-group',
      '2027-01-05',
    ],
    [
      'first review conference: 3 months from the initial conference (month end)',
      { kind: 'child-protection', anchors: { initialConference: '2026-11-30' } },
      [],
      '2026-12-01',
      'review-conference',
      '2027-02-28',
    ],
    [
      'later review conferences: 6 months apart',
      { kind: 'child-protection', anchors: { initialConference: '2026-01-10' } },
      [done('C', 'review-conference', '2026-04-09')],
      '2026-05-01',
      'review-conference',
      '2026-10-09',
    ],
    [
      'child in care: visit within a week of a move',
      { kind: 'child-in-care', anchors: { cameIntoCare: '2025-01-01', lastMove: '2026-11-20' } },
      [done('C', 'visit', '2026-11-01')],
      '2026-11-23',
      'child-in-care-visit',
      '2026-11-27',
    ],
    [
      'child in care: 6 weeks apart in the first year of a home',
      { kind: 'child-in-care', anchors: { cameIntoCare: '2026-03-02' } },
      [done('C', 'visit', '2026-03-05')],
      '2026-03-10',
      'child-in-care-visit',
      '2026-04-16',
    ],
    [
      'child in care: first review 20 working days after coming into care',
      { kind: 'child-in-care', anchors: { cameIntoCare: '2026-12-10' } },
      [],
      '2026-12-10',
      'child-in-care-review',
      '2027-01-12',
    ],
    [
      'child in care: second review 3 months after the first',
      { kind: 'child-in-care', anchors: { cameIntoCare: '2026-01-05' } },
      [done('C', 'child-in-care-review', '2026-01-30')],
      '2026-02-01',
      'child-in-care-review',
      '2026-04-30',
    ],
    [
      'child in care: later reviews 6 months apart',
      { kind: 'child-in-care', anchors: { cameIntoCare: '2026-01-05' } },
      [
        done('C', 'child-in-care-review', '2026-01-30', 1),
        done('C', 'child-in-care-review', '2026-04-28', 2),
      ],
      '2026-05-01',
      'child-in-care-review',
      '2026-10-28',
    ],
    [
      'health review every 6 months under 5',
      { kind: 'child-in-care', dateOfBirth: '2023-05-01', anchors: { cameIntoCare: '2026-01-05' } },
      [done('C', 'initial-health-assessment', '2026-01-20')],
      '2026-02-01',
      'review-health-assessment-under-5',
      '2026-07-20',
    ],
    [
      'health review every 12 months from 5',
      { kind: 'child-in-care', dateOfBirth: '2015-05-01', anchors: { cameIntoCare: '2026-01-05' } },
      [done('C', 'initial-health-assessment', '2026-01-20')],
      '2026-02-01',
      'review-health-assessment',
      '2027-01-20',
    ],
    [
      'care-experienced: personal adviser visit within 7 days of a new home',
      { kind: 'care-experienced', anchors: { leftCare: '2025-06-01', lastMove: '2026-11-20' } },
      [],
      '2026-11-21',
      'personal-adviser-visit',
      '2026-11-27',
    ],
    [
      'family network meeting within 10 days of the case opening',
      { anchors: { caseOpened: '2026-11-23' } },
      [],
      '2026-11-24',
      'family-network-meeting',
      '2026-12-03',
    ],
  ])('%s', (_, child, events, today, ruleId, due) => {
    const subject = aChild('C', child);
    expect(
      find(
        subject,
        events.map((e) => ({ ...e, childId: 'C' })),
        today,
        ruleId,
      )?.dueDate,
    ).toBe(due);
  });

  it('uses the settled-home frequency after a year in a home meant to last to 18', () => {
    const child = aChild('C', {
      kind: 'child-in-care',
      homeIntendedUntil18: true,
      anchors: { cameIntoCare: '2024-01-10' },
    });
    const item = find(child, [done('C', 'visit', '2026-11-02')], '2026-11-23', 'child-in-care-visit-settled');
    expect(item?.dueDate).toBe('2027-02-02');
  });

  it('uses 6-monthly visits only where a long-term foster child has agreed', () => {
    const child = aChild('C', {
      kind: 'child-in-care',
      longTermFosterVisitsAgreed: true,
      anchors: { cameIntoCare: '2024-01-10' },
    });
    expect(
      find(child, [done('C', 'visit', '2026-11-02')], '2026-11-23', 'child-in-care-visit-long-term-foster')
        ?.dueDate,
    ).toBe('2027-05-02');
  });

  it('marks an item booked when the record has a planned date for it', () => {
    const child = aChild('C', { anchors: { caseOpened: '2026-01-01' } });
    const events = [
      done('C', 'visit', '2026-11-02'),
      anEvent('next', 'C', { status: 'planned', scheduledDate: '2026-11-27' }),
    ];
    expect(find(child, events, '2026-11-23', 'child-in-need-visit')).toMatchObject({
      dueDate: '2026-11-30',
      booked: '2026-11-27',
      lastDone: '2026-11-02',
    });
  });

  it('drops a one-off that is done, and keeps quiet about ancient ones with no record', () => {
    const child = aChild('C', { anchors: { referral: '2026-11-02', caseOpened: '2020-01-01' } });
    expect(find(child, [done('C', 'assessment', '2026-11-20')], '2026-11-23', 'assessment')).toBeUndefined();
    expect(find(child, [], '2026-11-23', 'family-network-meeting')).toBeUndefined();
  });

  it('says what is missing instead of guessing', () => {
    const child = aChild('C', { kind: 'child-in-care', anchors: {} });
    const result = dueFor(child, [], '2026-11-23');
    expect(result.cannotWorkOut).toEqual(
      expect.arrayContaining([
        {
          key: 'C:child-in-care-review',
          childId: 'C',
          ruleId: 'child-in-care-review',
          eventKind: 'child-in-care-review',
          missing: ['cameIntoCare'],
        },
        {
          key: 'C:child-in-care-visit',
          childId: 'C',
          ruleId: 'child-in-care-visit',
          eventKind: 'visit',
          missing: ['lastMove', 'cameIntoCare'],
        },
        expect.objectContaining({ eventKind: 'review-health-assessment', missing: ['dateOfBirth'] }),
      ]),
    );
    expect(result.due.filter((d) => d.eventKind === 'visit')).toEqual([]);
  });

  it('works out nothing for a closed child', () => {
    expect(
      dueFor(aChild('C', { closed: true, anchors: { referral: '2026-11-20' } }), [], '2026-11-23'),
    ).toEqual({ due: [], cannotWorkOut: [] });
  });

  it('reminds about things booked in the record that no rule covers', () => {
    // A first conference booked for a child still recorded as a child in need (the enquiry's outcome).
    const events = [
      anEvent('s1', 'C', { kind: 'initial-conference', status: 'planned', scheduledDate: '2026-11-26' }),
    ];
    expect(dueFor(aChild('C'), events, '2026-11-23').due).toContainEqual(
      expect.objectContaining({
        ruleId: 'recorded',
        eventKind: 'initial-conference',
        dueDate: '2026-11-26',
        booked: '2026-11-26',
      }),
    );
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-08-15', 6, '2027-02-15'],
  ])('%s + %i months = %s', (date, n, expected) => expect(addMonths(date, n)).toBe(expected));
});

describe('authority overrides', () => {
  it('changes a figure, keeps the rest', () => {
    const rules = applyOverrides({
      rules: [{ id: 'child-protection-visit', then: [{ amount: 15, unit: 'working-days' }] }],
    });
    const child = aChild('C', { kind: 'child-protection', anchors: { initialConference: '2026-10-01' } });
    expect(
      dueFor(child, [done('C', 'visit', '2026-11-23')], '2026-11-24', rules).due.find(
        (d) => d.eventKind === 'visit',
      )?.dueDate,
    ).toBe('2026-12-14');
    expect(rules).toHaveLength(DEFAULT_RULES.length);
  });

  it('switches a rule off', () => {
    const rules = applyOverrides({ rules: [{ id: 'family-network-meeting', disabled: true }] });
    expect(
      dueFor(aChild('C', { anchors: { caseOpened: '2026-11-23' } }), [], '2026-11-24', rules).due.map(
        (d) => d.ruleId,
      ),
    ).not.toContain('family-network-meeting');
  });

  it.each([
    [
      {
        rules: [
          {
            id: 'assessment',
            first: { after: [{ anchor: 'referral' }], within: { amount: -5, unit: 'working-days' } },
          },
        ],
      },
      /first.within.amount: must be more than 0/,
    ],
    [
      {
        rules: [
          {
            id: 'assessment',
            first: { after: [{ anchor: 'birthday' }], within: { amount: 5, unit: 'days' } },
          },
        ],
      },
      /anchor/,
    ],
    [{ rules: [{ id: 'brand-new', basis: 'x' }] }, /is a new rule, so it needs every field/],
    [{ rule: [] }, /rules/],
    [
      { rules: [{ id: 'assessment', first: { after: [], within: { amount: 5, unit: 'fortnights' } } }] },
      /unit: must be one of working-days, days, weeks, months/,
    ],
  ])('refuses a bad override %j with a reason', (json, reason) => {
    expect(() => applyOverrides(json)).toThrow(reason);
  });
});
