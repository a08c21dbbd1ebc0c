/**
 * A made-up local authority for trying Hearth: two teams, eight practitioners, two managers, a
 * head of service and sixty children, with visits, meetings, assessments and reviews before and
 * after today. Every name is invented. Ids are fixed, so seeding again (on any day) updates rather than duplicates.
 *
 * The Microsoft 365 Agents Playground's built-in users are among the staff, with the Entra object
 * ids the Playground sends, so chatting as its default user works against `npm start` at once.
 */
import { addDays, londonDate } from '../domain/dates';
import type { ChildKind, EventKind } from '../domain/types';

/** The Playground's default users (its built-in test config) and the ids it sends for them. */
export const PLAYGROUND_USERS = {
  alex: { name: 'Alex Wilber', aad: '00000000-0000-0000-0000-0000000000020' },
  megan: { name: 'Megan Bowen', aad: '00000000-0000-0000-0000-0000000000021' },
  adele: { name: 'Adele Vance', aad: '00000000-0000-0000-0000-0000000000022' },
  isaiah: { name: 'Isaiah Langer', aad: '00000000-0000-0000-0000-0000000000023' },
  patti: { name: 'Patti Fernandez', aad: '00000000-0000-0000-0000-0000000000024' },
  lynne: { name: 'Lynne Robbins', aad: '00000000-0000-0000-0000-0000000000025' },
} as const;

const TEAMS = [
  { type: 'team', id: 'demo-team-north', name: 'North Family Help' },
  { type: 'team', id: 'demo-team-south', name: 'South Children in Care' },
] as const;

interface DemoPerson {
  id: string;
  teamId: string;
  name: string;
  aad?: string;
  roles: ('practitioner' | 'manager' | 'auditor' | 'head-of-service')[];
  workingDays?: ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[];
}

const u = PLAYGROUND_USERS;
const STAFF: DemoPerson[] = [
  { id: 'demo-alex', teamId: 'demo-team-north', name: u.alex.name, aad: u.alex.aad, roles: ['practitioner'] },
  {
    id: 'demo-megan',
    teamId: 'demo-team-north',
    name: u.megan.name,
    aad: u.megan.aad,
    roles: ['practitioner'],
  },
  {
    id: 'demo-adele',
    teamId: 'demo-team-north',
    name: u.adele.name,
    aad: u.adele.aad,
    roles: ['practitioner'],
    workingDays: ['mon', 'tue', 'wed'],
  },
  {
    id: 'demo-isaiah',
    teamId: 'demo-team-north',
    name: u.isaiah.name,
    aad: u.isaiah.aad,
    roles: ['practitioner'],
  },
  {
    id: 'demo-lynne',
    teamId: 'demo-team-south',
    name: u.lynne.name,
    aad: u.lynne.aad,
    roles: ['practitioner'],
  },
  { id: 'demo-priya', teamId: 'demo-team-south', name: 'Priya Shah', roles: ['practitioner'] },
  {
    id: 'demo-tom',
    teamId: 'demo-team-south',
    name: 'Tom Hughes',
    roles: ['practitioner'],
    workingDays: ['tue', 'wed', 'thu', 'fri'],
  },
  { id: 'demo-grace', teamId: 'demo-team-south', name: 'Grace Mensah', roles: ['practitioner'] },
  {
    id: 'demo-patti',
    teamId: 'demo-team-north',
    name: u.patti.name,
    aad: u.patti.aad,
    roles: ['manager', 'auditor'],
  },
  { id: 'demo-sam', teamId: 'demo-team-south', name: 'Sam Okafor', roles: ['manager', 'auditor'] },
  // Oversees both teams: gets the roll-up rather than each team's digest.
  { id: 'demo-jo', teamId: 'demo-team-north', name: 'Jo Whitfield', roles: ['head-of-service'] },
];

const FIRST_NAMES = [
  'Amira',
  'Leo',
  'Maya',
  'Kai',
  'Zara',
  'Noah',
  'Ruby',
  'Ethan',
  'Aisha',
  'Finn',
  'Isla',
  'Yusuf',
  'Poppy',
  'Oscar',
  'Layla',
  'Jayden',
  'Ellie',
  'Tariq',
  'Freya',
  'Mason',
  'Sofia',
  'Reuben',
  'Hana',
  'Callum',
  'Niamh',
  'Dylan',
  'Grace',
  'Kofi',
  'Lily',
  'Arlo',
  'Mia',
  'Theo',
  'Chloe',
  'Ibrahim',
  'Evie',
  'Riley',
  'Ava',
  'Jude',
  'Nadia',
  'Harvey',
  'Rosa',
  'Elijah',
  'Summer',
  'Bilal',
  'Daisy',
  'Luca',
  'Esme',
  'Kian',
  'Alice',
  'Musa',
  'Skye',
  'Jack',
  'Imani',
  'Toby',
  'Willow',
  'Omar',
  'Phoebe',
  'Rhys',
  'Leila',
  'Sami',
];
const FAMILY_NAMES = ['Khan', 'Smith', 'Jones', 'Okoro', 'Patel', 'Taylor', 'Nowak', 'Brown', 'Ali', 'Evans'];

/** Small deterministic generator, so the demo is the same every time for the same day. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS: { kind: ChildKind; count: number; visitEvery: number }[] = [
  { kind: 'child-in-need', count: 20, visitEvery: 28 },
  { kind: 'child-protection', count: 16, visitEvery: 14 },
  { kind: 'child-in-care', count: 16, visitEvery: 42 },
  { kind: 'care-experienced', count: 8, visitEvery: 56 },
];

/** Saturday and Sunday bookings move to the Monday after. */
function weekday(date: string): string {
  const dow = new Date(`${date}T12:00:00Z`).getUTCDay();
  return dow === 6 ? addDays(date, 2) : dow === 0 ? addDays(date, 1) : date;
}

/** The demo authority as feed records, dated around `now`. */
/**
 * What a well-kept record shows for the local practice standards (supervision, chronology, genogram,
 * family network meetings, plan reviews), with a few gaps so the demo has something to say. Worked
 * from the child's number rather than the random sequence, so the rest of the demo stays as it was.
 */
function practiceStandards(
  n: number,
  kind: ChildKind,
  anchors: Record<string, string>,
  day: (offset: number) => string,
  completed: (suffix: string, eventKind: EventKind, date: string) => void,
): void {
  const opened = anchors.caseOpened as string;
  // Supervision every 4 weeks: the last one 3 to 27 days ago; one child in thirteen is a week behind.
  completed('supervision-last', 'supervision', day(n % 13 === 7 ? -35 : -3 - ((n * 5) % 25)));
  // The chronology brought up to date after the latest significant event; one in eleven is not.
  if (n % 11 !== 4) completed('chronology-last', 'chronology-update', day(-1 - (n % 3)));
  completed('genogram', 'genogram', addDays(opened, 5));
  completed('family-network-first', 'family-network-meeting', addDays(opened, 7));
  if (kind === 'child-protection' && anchors.strategyDiscussion)
    completed('family-network-enquiry', 'family-network-meeting', addDays(anchors.strategyDiscussion, 3));
  if (kind === 'child-in-care' && anchors.cameIntoCare)
    completed('family-network-care', 'family-network-meeting', addDays(anchors.cameIntoCare, -10));
  if (kind === 'child-in-need')
    completed('plan-review-last', 'child-in-need-plan-review', day(-10 - ((n * 7) % 60)));
}

export function demoRecords(now: Date): Record<string, unknown>[] {
  const today = londonDate(now);
  const day = (offset: number) => addDays(today, offset);
  const rnd = random(20261123);
  const pick = (max: number) => Math.floor(rnd() * max);

  const records: Record<string, unknown>[] = [...TEAMS.map((t) => ({ ...t }))];
  for (const person of STAFF) {
    records.push({
      type: 'person',
      id: person.id,
      teamId: person.teamId,
      displayName: person.name,
      ...(person.aad ? { entraObjectId: person.aad } : {}),
      roles: person.roles,
      managesTeamIds: person.roles.includes('head-of-service')
        ? TEAMS.map((t) => t.id)
        : person.roles.includes('manager')
          ? [person.teamId]
          : [],
      ...(person.workingDays ? { workingDays: person.workingDays } : {}),
      morningTime: '08:30',
    });
  }

  const practitioners = STAFF.filter((p) => p.roles.includes('practitioner'));
  let n = 0;
  for (const { kind, count, visitEvery } of KINDS) {
    for (let i = 0; i < count; i++, n++) {
      const worker = practitioners[n % practitioners.length] as DemoPerson;
      const id = `demo-child-${String(n + 1).padStart(3, '0')}`;
      const age = kind === 'care-experienced' ? 18 + pick(4) : 1 + pick(16);
      const anchors: Record<string, string> = { caseOpened: day(-30 - pick(300)) };
      if (kind === 'child-in-need') anchors.referral = day(-5 - pick(60));
      if (kind === 'child-protection') {
        const strategy = day(-20 - pick(120));
        anchors.strategyDiscussion = strategy;
        anchors.initialConference = addDays(strategy, 14);
      }
      if (kind === 'child-in-care') {
        anchors.cameIntoCare = day(-40 - pick(500));
        anchors.lastMove = day(-3 - pick(200));
      }
      if (kind === 'care-experienced') anchors.leftCare = day(-60 - pick(700));
      // Some children we lost track of on purpose: no referral date, so Hearth must say it cannot tell.
      // Their case opened a fortnight ago, so their assessment is still to come.
      if (n % 17 === 5) {
        delete anchors.referral;
        anchors.caseOpened = day(-14);
      }
      records.push({
        type: 'child',
        id,
        teamId: worker.teamId,
        firstName: FIRST_NAMES[n % FIRST_NAMES.length],
        familyName: FAMILY_NAMES[pick(FAMILY_NAMES.length)],
        dateOfBirth: day(-365 * age - pick(300)),
        kind,
        allocatedPractitionerId: worker.id,
        anchors,
        ...(kind === 'child-in-care' ? { homeIntendedUntil18: rnd() < 0.4 } : {}),
      });

      const event = (suffix: string, eventKind: EventKind, fields: Record<string, unknown>) =>
        records.push({ type: 'event', id: `${id}-${suffix}`, childId: id, kind: eventKind, ...fields });
      const completed = (suffix: string, eventKind: EventKind, date: string) =>
        event(suffix, eventKind, { status: 'completed', completedDate: date, dueDate: date });

      // What already happened, so the demo shows today's picture rather than years of gaps.
      if (kind === 'child-protection') {
        const strategy = anchors.strategyDiscussion as string;
        anchors.referral = addDays(strategy, -2);
        anchors.concern = addDays(strategy, -1);
        completed('referral-decision', 'referral-decision', addDays(strategy, -1));
        completed('strategy', 'strategy-discussion', strategy);
        completed('conference', 'initial-conference', anchors.initialConference as string);
        completed('assessment-done', 'assessment', addDays(strategy, 30));
        completed('core-group-last', 'core-group', day(-7 - pick(20)));
      }
      if (kind === 'child-in-need' && anchors.referral) {
        completed('referral-decision', 'referral-decision', anchors.referral);
      }
      if (kind === 'child-in-care') {
        const cameIntoCare = anchors.cameIntoCare as string;
        completed('health-initial', 'initial-health-assessment', addDays(cameIntoCare, 15));
        completed('review-1', 'child-in-care-review', addDays(cameIntoCare, 25));
        completed('review-last', 'child-in-care-review', day(-20 - pick(140)));
        completed('health-last', 'review-health-assessment', day(-30 - pick(300)));
        completed('sdq-last', 'strengths-and-difficulties-questionnaire', day(-30 - pick(300)));
        completed('pep-last', 'personal-education-plan', day(-10 - pick(100)));
      }
      if (kind === 'care-experienced') completed('pathway-last', 'pathway-plan-review', day(-20 - pick(150)));
      practiceStandards(n, kind, anchors, day, completed);

      // About one child in five has not been seen within their visit frequency.
      const visitKind: EventKind = kind === 'care-experienced' ? 'personal-adviser-visit' : 'visit';
      const notSeen = rnd() < 0.2;
      const lastSeen = notSeen ? -(visitEvery + 1 + pick(10)) : -(1 + pick(Math.max(2, visitEvery - 3)));
      event('visit-last', visitKind, {
        status: 'completed',
        completedDate: day(lastSeen),
        dueDate: day(lastSeen),
        ...(visitKind === 'visit' ? { seenAlone: rnd() < 0.7 } : {}),
      });
      // Their visits before that, a little inside their frequency, so the digest's trend has a past.
      for (let k = 1; k <= 3; k++) {
        event(`visit-before-${k}`, visitKind, {
          status: 'completed',
          completedDate: day(lastSeen - k * (visitEvery - 2)),
          ...(visitKind === 'visit' ? { seenAlone: k % 2 === 1 } : {}),
        });
      }
      // Some of the children not seen yet have a visit that could not happen, with the reason.
      if (notSeen && n % 2 === 0) {
        const reasons = ['no-one-home', 'family-rearranged', 'child-unwell', 'family-declined'] as const;
        event('visit-tried', visitKind, {
          status: 'not-possible',
          scheduledDate: day(-3),
          notPossibleReason: reasons[n % reasons.length],
          recordedAt: `${day(-3)}T15:00:00.000Z`,
        });
      }
      if (!notSeen || rnd() < 0.5) {
        event('visit-next', visitKind, { status: 'planned', scheduledDate: weekday(day(1 + pick(12))) });
      }
      if (kind === 'child-in-need' && anchors.referral && rnd() < 0.5) {
        event('assessment', 'assessment', { status: 'planned', dueDate: weekday(day(3 + pick(40))) });
      }
      if (kind === 'child-protection') {
        event('core-group', 'core-group', { status: 'planned', scheduledDate: weekday(day(1 + pick(20))) });
      }
      if (kind === 'child-in-care' && rnd() < 0.5) {
        event('review', 'child-in-care-review', {
          status: 'planned',
          scheduledDate: weekday(day(2 + pick(60))),
        });
      }
      if (n % 9 === 0) {
        event('family-network', 'family-network-meeting', {
          status: 'planned',
          scheduledDate: weekday(day(1 + pick(9))),
        });
      }
    }
  }
  return records;
}
