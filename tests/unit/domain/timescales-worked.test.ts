/**
 * Timescale cases worked by hand from the statutory guidance and DOMAIN.md (sections 1 and 2),
 * with the working beside each: bank holidays in England and Wales, clock changes (which never
 * move a date), leap years, month ends and each transition a child's life goes through.
 * "+N WD" counts working days after the start (the start is day 0); a month on from the 31st is
 * the last day of a shorter month.
 */
import { createCalendar } from '../../../src/domain/calendar';
import { PRACTICE_RULES } from '../../../src/domain/timescale-practice-rules';
import { DEFAULT_RULES } from '../../../src/domain/timescale-rules';
import type { TimescaleRule } from '../../../src/domain/timescale-rules';
import { applyOverrides } from '../../../src/domain/timescale-schema';
import type { Practitioner } from '../../../src/domain/timescales';
import { workOutDue } from '../../../src/domain/timescales';
import type { CaseEvent, Child } from '../../../src/domain/types';
import { aChild, anEvent, done } from '../../support/domain';

const calendar = createCalendar('england-and-wales');

interface Case {
  basis: string;
  child: Partial<Child>;
  events?: CaseEvent[];
  today: string;
  rule: string;
  due: string;
  practitioner?: Practitioner;
}

const cp = (anchors: Child['anchors'] = {}): Partial<Child> => ({ kind: 'child-protection', anchors });
const inCare = (anchors: Child['anchors'], extra: Partial<Child> = {}): Partial<Child> => ({
  kind: 'child-in-care',
  anchors,
  ...extra,
});
const leftCare = (anchors: Child['anchors']): Partial<Child> => ({ kind: 'care-experienced', anchors });
const sd = (date: string, n: number, startedSection47?: boolean) =>
  anEvent(`sd-${n}`, 'C', {
    kind: 'strategy-discussion',
    completedDate: date,
    ...(startedSection47 ? { startedSection47 } : {}),
  });
const booked = (kind: CaseEvent['kind'], date: string) =>
  anEvent(`booked-${kind}`, 'C', { kind, status: 'planned', scheduledDate: date });
const nq = (startedOn?: string): Practitioner => ({
  newlyQualified: true,
  ...(startedOn ? { startedOn } : {}),
});

const dueOf = (c: Omit<Case, 'due' | 'basis'>, rules: readonly TimescaleRule[] = DEFAULT_RULES) =>
  workOutDue(
    aChild('C', c.child),
    (c.events ?? []).map((e) => ({ ...e, childId: 'C' })),
    c.today,
    calendar,
    rules,
    c.practitioner ? { practitioner: c.practitioner } : {},
  );

const WORKED: Case[] = [
  // Referral decision and assessment (Working Together)
  {
    basis:
      'referral decision: Thu 24 Dec 2026 +1 WD; 25 Dec, weekend, 28 Dec (substitute day) are not working days',
    child: { anchors: { referral: '2026-12-24' } },
    today: '2026-12-24',
    rule: 'referral-decision',
    due: '2026-12-29',
  },
  {
    basis:
      'assessment: Mon 3 Aug 2026 +45 WD; Aug 4 days to the 7th, 19 by the 28th, 31 Aug bank holiday, Sept 20 more, 1-2 Oct and 5-6 Oct',
    child: { anchors: { referral: '2026-08-03' } },
    today: '2026-08-04',
    rule: 'assessment',
    due: '2026-10-06',
  },
  // Child protection
  {
    basis: 'strategy discussion: concern Fri 22 May 2026 +1 WD; weekend then the spring bank holiday 25 May',
    child: cp({ concern: '2026-05-22' }),
    today: '2026-05-22',
    rule: 'strategy-discussion',
    due: '2026-05-26',
  },
  {
    basis:
      'first conference: two strategy discussions (2 and 9 Nov 2026), none marked: the latest, 9 Nov +15 WD = Mon 30 Nov',
    child: cp(),
    events: [sd('2026-11-02', 1), sd('2026-11-09', 2)],
    today: '2026-11-10',
    rule: 'initial-conference',
    due: '2026-11-30',
  },
  {
    basis:
      'first conference: the feed marks 2 Nov as starting the section 47 enquiry: 2 Nov +15 WD = Mon 23 Nov',
    child: cp(),
    events: [sd('2026-11-02', 1, true), sd('2026-11-09', 2)],
    today: '2026-11-10',
    rule: 'initial-conference',
    due: '2026-11-23',
  },
  {
    basis:
      'first conference: Wed 16 Dec 2026 +15 WD; 25 Dec, 28 Dec and 1 Jan are bank holidays: 9 in 2026, 4-8 Jan, Mon 11 Jan is the 15th',
    child: cp({ strategyDiscussion: '2026-12-16' }),
    today: '2026-12-17',
    rule: 'initial-conference',
    due: '2027-01-11',
  },
  {
    basis:
      'first core group: a completed first conference Thu 17 Dec 2026 (no date on the record) +10 WD over Christmas = Tue 5 Jan 2027',
    child: cp(),
    events: [done('C', 'initial-conference', '2026-12-17')],
    today: '2026-12-18',
    rule: 'core-group',
    due: '2027-01-05',
  },
  {
    basis:
      'core group: 30 Nov 2026 + 4 weeks = 28 Dec, calendar time, so it falls on the substitute bank holiday',
    child: cp({ initialConference: '2026-11-09' }),
    events: [done('C', 'core-group', '2026-11-30')],
    today: '2026-12-01',
    rule: 'core-group',
    due: '2026-12-28',
  },
  {
    basis:
      'first review conference: completed first conference 30 Nov 2026 without the record date: +3 months, 30 Feb is 28 Feb 2027',
    child: cp(),
    events: [done('C', 'initial-conference', '2026-11-30')],
    today: '2026-12-01',
    rule: 'review-conference',
    due: '2027-02-28',
  },
  {
    basis:
      'first review conference: record says 31 Aug, a completed event says 1 Sep 2026: the latest, 1 Sep + 3 months',
    child: cp({ initialConference: '2026-08-31' }),
    events: [done('C', 'initial-conference', '2026-09-01')],
    today: '2026-09-02',
    rule: 'review-conference',
    due: '2026-12-01',
  },
  {
    basis: 'later review conference: 31 Aug 2027 + 6 months = 29 Feb 2028, a leap year',
    child: cp({ initialConference: '2027-05-28' }),
    events: [done('C', 'review-conference', '2027-08-31')],
    today: '2027-09-01',
    rule: 'review-conference',
    due: '2028-02-29',
  },
  {
    basis: 'child protection visit: Fri 18 Dec 2026 +10 WD; 21-24 Dec, 29-31 Dec, 4-6 Jan',
    child: cp({ initialConference: '2026-10-01' }),
    events: [done('C', 'visit', '2026-12-18')],
    today: '2026-12-21',
    rule: 'child-protection-visit',
    due: '2027-01-06',
  },
  {
    basis: 'child protection visit before any conference: from the case opening Mon 2 Mar 2026 +10 WD',
    child: cp({ caseOpened: '2026-03-02' }),
    today: '2026-03-03',
    rule: 'child-protection-visit',
    due: '2026-03-16',
  },
  // Child in need
  {
    basis:
      'child in need visit: Thu 26 Mar 2026 +20 WD over Good Friday, Easter Monday and the clock change on 29 Mar',
    child: { anchors: { caseOpened: '2026-01-05' } },
    events: [done('C', 'visit', '2026-03-26')],
    today: '2026-03-30',
    rule: 'child-in-need-visit',
    due: '2026-04-27',
  },
  {
    basis: 'child in need plan review: assessment finished 30 Nov 2026 + 3 months = 28 Feb 2027',
    child: { anchors: { caseOpened: '2026-10-01' } },
    events: [done('C', 'assessment', '2026-11-30')],
    today: '2026-12-01',
    rule: 'child-in-need-plan-review',
    due: '2027-02-28',
  },
  {
    basis:
      'child in need plan review: no finished assessment, case opened 31 May 2026 + 3 months = 31 Aug (a bank holiday; said as due, not moved)',
    child: { anchors: { caseOpened: '2026-05-31' } },
    today: '2026-06-01',
    rule: 'child-in-need-plan-review',
    due: '2026-08-31',
  },
  {
    basis: 'child in need plan review: reviewed 31 Aug 2026, next 3 months on',
    child: { anchors: { caseOpened: '2026-05-31' } },
    events: [done('C', 'child-in-need-plan-review', '2026-08-31')],
    today: '2026-09-01',
    rule: 'child-in-need-plan-review',
    due: '2026-11-30',
  },
  // Child in care visits (reg 28)
  {
    basis:
      'child in care visit: moved Sat 24 Oct 2026, the night before the clocks go back: within a week, Sat 31 Oct',
    child: inCare({ cameIntoCare: '2025-01-01', lastMove: '2026-10-24' }),
    events: [done('C', 'visit', '2026-10-01')],
    today: '2026-10-26',
    rule: 'child-in-care-visit',
    due: '2026-10-31',
  },
  {
    basis: 'child in care visit, first year of a home (since 1 Jun 2025): 20 Apr 2026 + 6 weeks = 1 Jun 2026',
    child: inCare({ cameIntoCare: '2025-06-01' }),
    events: [done('C', 'visit', '2026-04-20')],
    today: '2026-05-01',
    rule: 'child-in-care-visit',
    due: '2026-06-01',
  },
  {
    basis:
      'transition: home meant to last to 18, visited 20 May 2026 inside the first year; today is after the anniversary (1 Jun): the interval started inside the first year, so 6 weeks, 1 Jul, not 3 months',
    child: inCare({ cameIntoCare: '2025-06-01' }, { homeIntendedUntil18: true }),
    events: [done('C', 'visit', '2026-05-20')],
    today: '2026-06-10',
    rule: 'child-in-care-visit',
    due: '2026-07-01',
  },
  {
    basis:
      'settled home meant to last to 18, visited 5 Jun 2026 after the first anniversary: at most 3 months',
    child: inCare({ cameIntoCare: '2025-06-01' }, { homeIntendedUntil18: true }),
    events: [done('C', 'visit', '2026-06-05')],
    today: '2026-06-10',
    rule: 'child-in-care-visit-settled',
    due: '2026-09-05',
  },
  {
    basis:
      'after the first year in a home not meant to last to 18: still 6 weeks, 5 Jun + 42 days = 17 Jul 2026',
    child: inCare({ cameIntoCare: '2025-06-01' }),
    events: [done('C', 'visit', '2026-06-05')],
    today: '2026-06-10',
    rule: 'child-in-care-visit',
    due: '2026-07-17',
  },
  {
    basis:
      'long-term foster home, child agrees, over a year in the home: 31 Aug 2026 + 6 months = 28 Feb 2027',
    child: inCare({ cameIntoCare: '2024-01-10' }, { longTermFosterVisitsAgreed: true }),
    events: [done('C', 'visit', '2026-08-31')],
    today: '2026-09-01',
    rule: 'child-in-care-visit-long-term-foster',
    due: '2027-02-28',
  },
  {
    basis:
      'transition: long-term foster home since 15 Sep 2025, visited 1 Sep 2026 inside the first year: 6 weeks, 13 Oct, not 6 months',
    child: inCare({ cameIntoCare: '2025-09-15' }, { longTermFosterVisitsAgreed: true }),
    events: [done('C', 'visit', '2026-09-01')],
    today: '2026-10-01',
    rule: 'child-in-care-visit',
    due: '2026-10-13',
  },
  // Child in care reviews, health and education
  {
    basis: 'first review (reg 33): came into care Mon 7 Dec 2026 +20 WD; 13 by 24 Dec, 29-31 Dec, 4-7 Jan',
    child: inCare({ cameIntoCare: '2026-12-07' }),
    today: '2026-12-08',
    rule: 'child-in-care-review',
    due: '2027-01-07',
  },
  {
    basis: 'second review: 3 months after the first (30 Nov 2027) = 29 Feb 2028, a leap year',
    child: inCare({ cameIntoCare: '2027-11-01' }),
    events: [done('C', 'child-in-care-review', '2027-11-30')],
    today: '2027-12-01',
    rule: 'child-in-care-review',
    due: '2028-02-29',
  },
  {
    basis: 'third review: 6 months after the second',
    child: inCare({ cameIntoCare: '2027-02-01' }),
    events: [
      done('C', 'child-in-care-review', '2027-02-26', 1),
      done('C', 'child-in-care-review', '2027-05-26', 2),
    ],
    today: '2027-06-01',
    rule: 'child-in-care-review',
    due: '2027-11-26',
  },
  {
    basis: 'first health assessment: came into care Fri 27 Mar 2026 +20 WD over Easter',
    child: inCare({ cameIntoCare: '2026-03-27' }),
    today: '2026-03-30',
    rule: 'initial-health-assessment',
    due: '2026-04-28',
  },
  {
    basis: 'health review under 5 (born 10 Mar 2022): 6 months after the first assessment',
    child: inCare({ cameIntoCare: '2026-01-05' }, { dateOfBirth: '2022-03-10' }),
    events: [done('C', 'initial-health-assessment', '2026-01-20')],
    today: '2026-02-01',
    rule: 'review-health-assessment-under-5',
    due: '2026-07-20',
  },
  {
    basis:
      'transition: assessed at 4, now 5 (born 10 Mar 2021): the interval started under 5, so 6 months, not 12',
    child: inCare({ cameIntoCare: '2026-01-05' }, { dateOfBirth: '2021-03-10' }),
    events: [done('C', 'initial-health-assessment', '2026-01-20')],
    today: '2026-04-01',
    rule: 'review-health-assessment-under-5',
    due: '2026-07-20',
  },
  {
    basis: 'health review from 5: first assessment on leap day 29 Feb 2024 + 12 months = 28 Feb 2025',
    child: inCare({ cameIntoCare: '2024-02-01' }, { dateOfBirth: '2014-06-01' }),
    events: [done('C', 'initial-health-assessment', '2024-02-29')],
    today: '2024-03-01',
    rule: 'review-health-assessment',
    due: '2025-02-28',
  },
  {
    basis: 'strengths and difficulties questionnaire: yearly from the last, at 7',
    child: inCare({ cameIntoCare: '2025-10-15' }, { dateOfBirth: '2019-05-05' }),
    events: [done('C', 'strengths-and-difficulties-questionnaire', '2026-10-14')],
    today: '2026-10-15',
    rule: 'strengths-and-difficulties-questionnaire',
    due: '2027-10-14',
  },
  {
    basis: 'personal education plan: came into care Tue 19 May 2026 +10 WD over the 25 May bank holiday',
    child: inCare({ cameIntoCare: '2026-05-19' }, { dateOfBirth: '2015-01-01' }),
    today: '2026-05-20',
    rule: 'personal-education-plan',
    due: '2026-06-03',
  },
  {
    basis: 'personal education plan: reviewed each term, 31 Oct 2026 + 4 months = 28 Feb 2027',
    child: inCare({ cameIntoCare: '2025-05-19' }, { dateOfBirth: '2015-01-01' }),
    events: [done('C', 'personal-education-plan', '2026-10-31')],
    today: '2026-11-02',
    rule: 'personal-education-plan',
    due: '2027-02-28',
  },
  // Pathway plans and care-experienced young people
  {
    basis:
      'transition: in care at 16 (born 15 Mar 2010, in care since 2022): 3 months from the 16th birthday',
    child: inCare({ cameIntoCare: '2022-01-10' }, { dateOfBirth: '2010-03-15' }),
    today: '2026-04-01',
    rule: 'pathway-plan-in-care',
    due: '2026-06-15',
  },
  {
    basis: 'came into care at 16 (1 Sep 2026, after the birthday): 3 months from coming into care',
    child: inCare({ cameIntoCare: '2026-09-01' }, { dateOfBirth: '2010-03-15' }),
    today: '2026-09-02',
    rule: 'pathway-plan-in-care',
    due: '2026-12-01',
  },
  {
    basis: 'born on leap day 29 Feb 2012: the 16th birthday is 29 Feb 2028 (a leap year), + 3 months',
    child: inCare({ cameIntoCare: '2020-01-01' }, { dateOfBirth: '2012-02-29' }),
    today: '2028-03-01',
    rule: 'pathway-plan-in-care',
    due: '2028-05-29',
  },
  {
    basis: 'in care at 17: pathway plan reviewed 10 May 2026, next within 6 months',
    child: inCare({ cameIntoCare: '2020-01-01' }, { dateOfBirth: '2009-01-20' }),
    events: [done('C', 'pathway-plan-review', '2026-05-10')],
    today: '2026-05-11',
    rule: 'pathway-plan-in-care',
    due: '2026-11-10',
  },
  {
    basis:
      'transition: reviewed 1 Jul 2026 in care, left care 1 Oct: the clock carries on, 1 Jan 2027, not 1 Apr',
    child: leftCare({ leftCare: '2026-10-01' }),
    events: [done('C', 'pathway-plan-review', '2026-07-01')],
    today: '2026-10-15',
    rule: 'pathway-plan-review',
    due: '2027-01-01',
  },
  {
    basis: 'left care 31 Aug 2026 with no review on record: 6 months on, 28 Feb 2027',
    child: leftCare({ leftCare: '2026-08-31' }),
    today: '2026-09-01',
    rule: 'pathway-plan-review',
    due: '2027-02-28',
  },
  {
    basis: 'personal adviser visit (reg 8): new home Thu 24 Dec 2026, within 7 days',
    child: leftCare({ leftCare: '2025-06-01', lastMove: '2026-12-24' }),
    today: '2026-12-24',
    rule: 'personal-adviser-visit',
    due: '2026-12-31',
  },
  {
    basis: 'personal adviser visit: then at most 2 months apart, 31 Dec 2026 + 2 months = 28 Feb 2027',
    child: leftCare({ leftCare: '2025-06-01', lastMove: '2026-12-24' }),
    events: [done('C', 'personal-adviser-visit', '2026-12-31')],
    today: '2027-01-04',
    rule: 'personal-adviser-visit',
    due: '2027-02-28',
  },
  // Family network meetings
  {
    basis: 'family network meeting: case opened Sun 22 Mar 2026 + 10 days, across the clock change',
    child: { anchors: { caseOpened: '2026-03-22' } },
    today: '2026-03-23',
    rule: 'family-network-meeting',
    due: '2026-04-01',
  },
  {
    basis:
      'before the first conference: due 30 Nov 2026 (section 47 from 9 Nov), so by the working day before, Fri 27 Nov',
    child: cp({ caseOpened: '2026-06-01' }),
    events: [sd('2026-11-09', 1)],
    today: '2026-11-10',
    rule: 'family-network-meeting-before-conference',
    due: '2026-11-27',
  },
  {
    basis: 'before the first conference booked for Fri 20 Nov 2026, earlier than it is due: by Thu 19 Nov',
    child: cp({ caseOpened: '2026-06-01' }),
    events: [sd('2026-11-09', 1), booked('initial-conference', '2026-11-20')],
    today: '2026-11-10',
    rule: 'family-network-meeting-before-conference',
    due: '2026-11-19',
  },
  {
    basis: 'before the review conference due Sun 28 Feb 2027 (first conference 30 Nov): by Fri 26 Feb',
    child: cp({ caseOpened: '2026-06-01' }),
    events: [done('C', 'initial-conference', '2026-11-30')],
    today: '2026-12-01',
    rule: 'family-network-meeting-before-conference',
    due: '2027-02-26',
  },
  {
    basis: 'coming into care on 16 Nov 2026 with no meeting in the 3 months before: within 10 days, 26 Nov',
    child: inCare({ caseOpened: '2025-01-01', cameIntoCare: '2026-11-16' }),
    events: [done('C', 'family-network-meeting', '2026-08-01')],
    today: '2026-11-17',
    rule: 'family-network-meeting-coming-into-care',
    due: '2026-11-26',
  },
  // Supervision (newly qualified: weekly for 6 weeks, fortnightly to 6 months, then every 4 weeks)
  {
    basis: 'supervision every 4 weeks: 25 Mar 2026 + 28 days, across the clock change',
    child: { anchors: { caseOpened: '2026-01-05' } },
    events: [done('C', 'supervision', '2026-03-25')],
    today: '2026-03-30',
    rule: 'supervision',
    due: '2026-04-22',
  },
  {
    basis: 'newly qualified, started 1 Sep 2026: supervised 10 Sep, in the first 6 weeks, so weekly',
    child: { anchors: { caseOpened: '2026-01-05' } },
    events: [done('C', 'supervision', '2026-09-10')],
    today: '2026-09-11',
    practitioner: nq('2026-09-01'),
    rule: 'supervision-newly-qualified',
    due: '2026-09-17',
  },
  {
    basis:
      'newly qualified: 12 Oct 2026 is the last day of the first 6 weeks (they end 13 Oct): still weekly',
    child: { anchors: { caseOpened: '2026-01-05' } },
    events: [done('C', 'supervision', '2026-10-12')],
    today: '2026-10-13',
    practitioner: nq('2026-09-01'),
    rule: 'supervision-newly-qualified',
    due: '2026-10-19',
  },
  {
    basis: 'newly qualified: supervised 13 Oct 2026, the first day after 6 weeks: fortnightly',
    child: { anchors: { caseOpened: '2026-01-05' } },
    events: [done('C', 'supervision', '2026-10-13')],
    today: '2026-10-14',
    practitioner: nq('2026-09-01'),
    rule: 'supervision-newly-qualified',
    due: '2026-10-27',
  },
  {
    basis: 'newly qualified: supervised 1 Apr 2027, between 6 months and a year: monthly, read as 4 weeks',
    child: { anchors: { caseOpened: '2026-01-05' } },
    events: [done('C', 'supervision', '2027-04-01')],
    today: '2027-04-02',
    practitioner: nq('2026-09-01'),
    rule: 'supervision-newly-qualified',
    due: '2027-04-29',
  },
  {
    basis:
      'newly qualified: a child whose case opened 14 Sep 2026, in week 3 of the first year: first supervision within a week',
    child: { anchors: { caseOpened: '2026-09-14' } },
    today: '2026-09-15',
    practitioner: nq('2026-09-01'),
    rule: 'supervision-newly-qualified',
    due: '2026-09-21',
  },
  {
    basis: 'newly qualified with no start date: the stages cannot be placed, so every 4 weeks',
    child: { anchors: { caseOpened: '2026-01-05' } },
    events: [done('C', 'supervision', '2026-09-10')],
    today: '2026-09-11',
    practitioner: nq(),
    rule: 'supervision-newly-qualified',
    due: '2026-10-08',
  },
  // Chronology and genogram
  {
    basis: 'chronology after a move on Fri 18 Dec 2026: +5 WD over Christmas = Tue 29 Dec',
    child: inCare({ cameIntoCare: '2025-01-01', lastMove: '2026-12-18' }),
    events: [done('C', 'chronology-update', '2026-10-01')],
    today: '2026-12-21',
    rule: 'chronology-update',
    due: '2026-12-29',
  },
  {
    basis:
      'chronology updated 4 Nov after the 2 Nov strategy discussion; the 20 Nov conference needs its own, +5 WD',
    child: cp(),
    events: [
      sd('2026-11-02', 1),
      done('C', 'chronology-update', '2026-11-04'),
      done('C', 'initial-conference', '2026-11-20'),
    ],
    today: '2026-11-23',
    rule: 'chronology-update',
    due: '2026-11-27',
  },
  {
    basis: 'chronology: two events with no update (2 and 20 Nov 2026): from the earliest, 2 Nov +5 WD',
    child: cp(),
    events: [sd('2026-11-02', 1), done('C', 'initial-conference', '2026-11-20')],
    today: '2026-11-23',
    rule: 'chronology-update',
    due: '2026-11-09',
  },
  {
    basis: 'genogram: case opened Thu 17 Dec 2026 +10 WD over Christmas and New Year = Tue 5 Jan 2027',
    child: { anchors: { caseOpened: '2026-12-17' } },
    today: '2026-12-18',
    rule: 'genogram',
    due: '2027-01-05',
  },
];

describe('timescales worked by hand', () => {
  it('has at least 40 cases and one for every default rule', () => {
    expect(WORKED.length).toBeGreaterThanOrEqual(40);
    const covered = new Set([...WORKED.map((c) => c.rule), ...NOTHING_DUE.map((c) => c.rule)]);
    expect(DEFAULT_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each(WORKED)('$basis', ({ due, basis: _, ...c }) => {
    const item = dueOf(c).due.find((d) => d.ruleId === c.rule);
    expect(item?.dueDate).toBe(due);
  });
});

/** Cases where nothing may be said: no false "has not happened yet", no needless question. */
const NOTHING_DUE: Omit<Case, 'due'>[] = [
  {
    basis: 'the record has the strategy discussion date but no event: it happened',
    child: cp({ concern: '2026-11-02', strategyDiscussion: '2026-11-02' }),
    today: '2026-11-10',
    rule: 'strategy-discussion',
  },
  {
    basis: 'the record has the first conference date but no completed event: it happened',
    child: cp({ strategyDiscussion: '2026-11-02', initialConference: '2026-11-20' }),
    today: '2026-12-01',
    rule: 'initial-conference',
  },
  {
    basis:
      'a strategy discussion during the plan (after the first conference) does not ask for another first conference',
    child: cp(),
    events: [sd('2026-11-02', 1), done('C', 'initial-conference', '2026-11-20'), sd('2027-01-05', 2)],
    today: '2027-01-06',
    rule: 'initial-conference',
  },
  {
    basis: 'a family network meeting held after the enquiry started does for the conference',
    child: cp({ caseOpened: '2026-06-01' }),
    events: [sd('2026-11-09', 1), done('C', 'family-network-meeting', '2026-11-12')],
    today: '2026-11-13',
    rule: 'family-network-meeting-before-conference',
  },
  {
    basis: 'a family network meeting in the 3 months before coming into care does',
    child: inCare({ caseOpened: '2025-01-01', cameIntoCare: '2026-11-16' }),
    events: [done('C', 'family-network-meeting', '2026-09-01')],
    today: '2026-11-17',
    rule: 'family-network-meeting-coming-into-care',
  },
  {
    basis: 'a chronology update on the day of the move counts for it',
    child: inCare({ cameIntoCare: '2025-01-01', lastMove: '2026-11-20' }),
    events: [done('C', 'chronology-update', '2026-11-20')],
    today: '2026-11-23',
    rule: 'chronology-update',
  },
  {
    basis: 'a genogram is nudged only until it is due (10 WD from opening on 2 Nov is 16 Nov)',
    child: { anchors: { caseOpened: '2026-11-02' } },
    today: '2026-11-20',
    rule: 'genogram',
  },
  {
    basis: 'a genogram the feed says exists is never asked for',
    child: { anchors: { caseOpened: '2026-11-16' } },
    events: [done('C', 'genogram', '2026-11-18')],
    today: '2026-11-19',
    rule: 'genogram',
  },
  {
    basis: 'no pathway plan at 15 (born 1 Jan 2011, on 31 Dec 2026)',
    child: inCare({ cameIntoCare: '2020-01-01' }, { dateOfBirth: '2011-01-01' }),
    today: '2026-12-31',
    rule: 'pathway-plan-in-care',
  },
  {
    basis: 'no strengths and difficulties questionnaire at 17',
    child: inCare({ cameIntoCare: '2020-01-01' }, { dateOfBirth: '2009-06-01' }),
    today: '2026-06-01',
    rule: 'strengths-and-difficulties-questionnaire',
  },
  {
    basis: 'a decision on the referral long past with no record is history, not a nudge (30 days)',
    child: { anchors: { referral: '2026-09-01' } },
    today: '2026-11-23',
    rule: 'referral-decision',
  },
];

describe('nothing said where nothing is due', () => {
  it.each(NOTHING_DUE)('$basis', (c) => {
    const result = dueOf(c);
    expect(result.due.filter((d) => d.ruleId === c.rule)).toEqual([]);
    expect(result.cannotWorkOut.filter((d) => d.ruleId === c.rule)).toEqual([]);
  });
});

describe('what the evidence settles', () => {
  it('waits for the first conference instead of asking for its date', () => {
    const result = dueOf({ child: cp({ concern: '2026-11-02' }), today: '2026-11-02', rule: '' });
    expect(result.due.map((d) => d.ruleId)).toContain('strategy-discussion');
    // The first conference waits for the discussion; the review, core group and visits for the conference.
    const asked = result.cannotWorkOut.map((c) => c.ruleId);
    for (const waiting of ['initial-conference', 'review-conference', 'core-group', 'child-protection-visit'])
      expect(asked).not.toContain(waiting);
    // Dates nothing due will supply are still asked for.
    expect(asked).toContain('assessment');
  });

  it('still asks for a date that nothing due explains', () => {
    const result = dueOf({ child: cp(), today: '2026-11-02', rule: '' });
    expect(result.cannotWorkOut).toContainEqual(
      expect.objectContaining({ ruleId: 'initial-conference', missing: ['strategyDiscussion'] }),
    );
  });

  it('says one family network meeting when several are due, the earliest', () => {
    const result = dueOf({
      child: cp({ caseOpened: '2026-11-09' }),
      events: [sd('2026-11-09', 1)],
      today: '2026-11-10',
      rule: '',
    });
    expect(result.due.filter((d) => d.eventKind === 'family-network-meeting')).toEqual([
      expect.objectContaining({ ruleId: 'family-network-meeting', dueDate: '2026-11-19' }),
    ]);
  });

  it('keeps the old call shape: without the practitioner, the everyone rule applies', () => {
    const child = aChild('C', { anchors: { caseOpened: '2026-01-05' } });
    const events = [done('C', 'supervision', '2026-09-10')];
    expect(
      workOutDue(child, events, '2026-09-11', calendar, DEFAULT_RULES).due.find(
        (d) => d.eventKind === 'supervision',
      ),
    ).toMatchObject({ ruleId: 'supervision', dueDate: '2026-10-08' });
  });
});

describe('an authority changes the practice standards in its timescales file', () => {
  it.each(PRACTICE_RULES.map((r) => r.id))('switching %s off silences it', (id) => {
    const worked = WORKED.find((c) => c.rule === id) as Case;
    expect(dueOf(worked).due.map((d) => d.ruleId)).toContain(id);
    const rules = applyOverrides({ rules: [{ id, disabled: true }] });
    expect(dueOf(worked, rules).due.map((d) => d.ruleId)).not.toContain(id);
  });

  it('changes the newly qualified stages: weekly for 4 weeks only', () => {
    const rules = applyOverrides({
      rules: [
        {
          id: 'supervision-newly-qualified',
          stages: {
            from: { practitioner: 'startedOn' },
            steps: [{ until: { amount: 4, unit: 'weeks' }, every: { amount: 1, unit: 'weeks' } }],
          },
        },
      ],
    });
    // Supervised 10 Oct 2026, in week 6 after starting on 1 Sep: no longer weekly, so 4 weeks.
    const c = {
      child: { anchors: { caseOpened: '2026-01-05' } },
      events: [done('C', 'supervision', '2026-10-10')],
      today: '2026-10-11',
      practitioner: nq('2026-09-01'),
      rule: 'supervision-newly-qualified',
    };
    expect(dueOf(c).due.find((d) => d.ruleId === c.rule)?.dueDate).toBe('2026-10-17');
    expect(dueOf(c, rules).due.find((d) => d.ruleId === c.rule)?.dueDate).toBe('2026-11-07');
  });

  it('makes the child in need plan review every 6 weeks', () => {
    const rules = applyOverrides({
      rules: [{ id: 'child-in-need-plan-review', then: [{ amount: 6, unit: 'weeks' }] }],
    });
    const c = WORKED.find(
      (w) =>
        w.rule === 'child-in-need-plan-review' &&
        w.events?.length === 1 &&
        w.events[0]?.kind === 'child-in-need-plan-review',
    ) as Case;
    expect(dueOf(c, rules).due.find((d) => d.ruleId === c.rule)?.dueDate).toBe('2026-10-12');
  });

  it.each<[string, unknown, RegExp]>([
    [
      'a rule with both a start and a "before"',
      {
        rules: [
          {
            id: 'family-network-meeting-before-conference',
            first: { after: [{ anchor: 'caseOpened' }], within: { amount: 1, unit: 'days' } },
          },
        ],
      },
      /needs either "first" .* or "before"/,
    ],
    [
      'a negative look-back',
      { rules: [{ id: 'genogram', lookBackDays: -1 }] },
      /lookBackDays: must be 0 or more/,
    ],
    [
      'a stage clock Hearth does not know',
      {
        rules: [
          {
            id: 'supervision-newly-qualified',
            stages: { from: { practitioner: 'qualified' }, steps: [] },
          },
        ],
      },
      /stages.from/,
    ],
    [
      'an unknown way of picking dates',
      {
        rules: [
          {
            id: 'chronology-update',
            first: {
              after: [{ anchor: 'lastMove' }],
              within: { amount: 5, unit: 'working-days' },
              pick: 'all',
            },
          },
        ],
      },
      /pick: must be one of first, latest, each/,
    ],
  ])('refuses %s, saying why', (_, json, reason) => {
    expect(() => applyOverrides(json)).toThrow(reason);
  });
});
