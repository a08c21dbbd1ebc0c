/**
 * The whole Teams catalogue, run with realistic and hostile names: every string and every function
 * of every module in src/text/teams is said, and each sentence must pass the language check. A new
 * entry without samples here fails the test, so nothing in the catalogue goes unchecked. Previews
 * (what a lock screen shows) never carry a name.
 */
import { createCalendar } from '../../../src/domain/calendar';
import { buildTeamDigest, defaultDigestSettings } from '../../../src/domain/digest';
import { rollUp } from '../../../src/domain/digest-access';
import type { CardUpdate, Note } from '../../../src/domain/outbox';
import type { BundleItem, MorningBundle } from '../../../src/domain/planner';
import { defaultPlannerSettings, plan } from '../../../src/domain/planner';
import { DEFAULT_RULES } from '../../../src/domain/timescale-rules';
import type { CaseEvent, Child, EventKind } from '../../../src/domain/types';
import { ANCHOR_KINDS, CHILD_KINDS, EVENT_KINDS, NOT_SEEN_REASON_CODES } from '../../../src/domain/types';
import * as commands from '../../../src/text/teams/commands';
import * as digestText from '../../../src/text/teams/digest';
import * as events from '../../../src/text/teams/events';
import * as itemForm from '../../../src/text/teams/item-form';
import * as morning from '../../../src/text/teams/morning';
import * as notes from '../../../src/text/teams/notes';
import * as replies from '../../../src/text/teams/replies';
import { checkLanguage } from '../../../src/text/language-check';
import { escapeCardText } from '../../../src/text/escape';
import { aChild, anEvent, aPerson, done } from '../../support/domain';

const CATALOGUE = { commands, digest: digestText, events, itemForm, morning, notes, replies };

/** Children's names as the case system might send them, kind and hostile. */
const CHILD_NAMES: [string, string][] = [
  ['Amira', 'K'],
  ['Zoë', 'Ó'],
  ["Ka'Mya", 'O'],
  ['Jean-Luc', 'D'],
  ['[Click](https://evil.example/login)', 'S'],
  ['**Bold**', '_'],
  ['<b>Tag</b>', '#'],
  ['- List', '1'],
];
const STAFF = ['Alex Wilber', 'Ōtautahi Rangi-Smith', '[Click](https://evil.example/login) Smith', '**Sam**'];
const TODAY = '2026-11-30';
const DAY = { date: TODAY, nextWorkingDay: '2026-12-01' };
const calendar = createCalendar('england-and-wales');

/** Children of every kind, with and without the dates rules need, and their events. */
function authority(): { children: Child[]; events: CaseEvent[] } {
  const children: Child[] = [];
  const evts: CaseEvent[] = [];
  CHILD_KINDS.forEach((kind, k) => {
    CHILD_NAMES.forEach(([first, initial], i) => {
      const id = `${kind}-${i}`;
      const day = `2026-${String(1 + ((i + k) % 11)).padStart(2, '0')}-0${1 + (i % 8)}`;
      children.push(
        aChild(id, {
          kind,
          name: { first, familyInitial: initial },
          dateOfBirth: `20${String(8 + i).padStart(2, '0')}-03-01`,
          anchors: i % 3 === 0 ? {} : Object.fromEntries(ANCHOR_KINDS.map((a) => [a, day])),
        }),
      );
      if (i % 2 === 0) evts.push(done(id, 'visit', '2026-10-05'));
      evts.push(
        anEvent(`${id}-b`, id, { kind: 'review-conference', status: 'planned', scheduledDate: '2026-12-01' }),
      );
      evts.push(
        anEvent(`${id}-n`, id, {
          status: 'not-possible',
          notPossibleReason: NOT_SEEN_REASON_CODES[i % 5],
          recordedAt: '2026-11-27T10:00:00Z',
          scheduledDate: '2026-11-27',
        }),
      );
    });
  });
  return { children, events: evts };
}

const { children, events: childEvents } = authority();
const bundles: MorningBundle[] = ['2026-11-30', '2026-12-01', '2026-12-04'].flatMap(
  (day) =>
    plan({
      people: [aPerson('P1', { leave: [{ from: '2026-12-02', to: '2026-12-11' }] })],
      children,
      events: childEvents,
      now: new Date(`${day}T10:00:00Z`),
      settings: defaultPlannerSettings(calendar, DEFAULT_RULES),
    }).bundles,
);
const items: BundleItem[] = bundles.flatMap((b) => [
  ...b.today,
  ...b.notSeenYet,
  ...b.comingUp,
  ...b.beforeLeave,
  ...b.cannotWorkOut,
]);
const people = STAFF.map((name, i) =>
  aPerson(`P${i}`, { displayName: name, reachability: i % 2 ? 'unreachable' : 'not-installed' }),
);
const digests = [
  buildTeamDigest({
    team: { id: 'T1', name: '[North](https://evil.example) Family Help' },
    people,
    children: children.map((c, i) => ({ ...c, allocatedPractitionerId: `P${i % STAFF.length}` })),
    events: [
      ...childEvents,
      ...children.map((c, i) => ({ ...done(c.id, 'visit', '2026-11-25', 9), seenAlone: i % 2 === 0 })),
      ...children.map((c) => done(c.id, 'assessment', '2026-11-24', 8)),
    ],
    weekStart: '2026-11-23',
    asOf: TODAY,
    settings: defaultDigestSettings(calendar, DEFAULT_RULES),
  }),
  buildTeamDigest({
    team: { id: 'T2', name: 'South' },
    // Reachable, but some of their messages could not be delivered.
    people: STAFF.map((name, i) => aPerson(`S${i}`, { teamId: 'T2', displayName: name })),
    children: [],
    events: [],
    undelivered: STAFF.map((_, i) => ({ recipientId: `S${i}`, teamId: 'T2', date: '2026-11-24' })),
    weekStart: '2026-11-23',
    asOf: TODAY,
    settings: defaultDigestSettings(calendar, DEFAULT_RULES),
  }),
];
const names = [...CHILD_NAMES.map(([f, i]) => `${f} ${i}.`), ...STAFF];
const contexts = EVENT_KINDS.flatMap((eventKind: EventKind) =>
  names.slice(0, 6).flatMap((name, i) => [
    { name, eventKind, dueDate: '2026-12-01', today: TODAY, nextWorkingDay: '2026-12-01' },
    {
      name,
      eventKind,
      dueDate: '2026-11-20',
      today: TODAY,
      nextWorkingDay: '2026-12-01',
      lastDone: '2026-10-01',
    },
    {
      name,
      eventKind,
      dueDate: '2026-12-08',
      today: TODAY,
      nextWorkingDay: '2026-12-01',
      booked: i % 2 ? TODAY : '2027-01-05',
    },
  ]),
);
const updates: CardUpdate[] = [
  { kind: 'seen', on: TODAY, alone: true },
  { kind: 'seen', on: '2025-12-30', alone: false },
  { kind: 'booked', for: '2026-12-03' },
  ...NOT_SEEN_REASON_CODES.map((reason): CardUpdate => ({ kind: 'not-seen', reason })),
  { kind: 'snoozed', until: '2026-12-07' },
  { kind: 'already-done', on: TODAY, visit: true },
  { kind: 'already-done', on: TODAY, visit: false },
  { kind: 'already-booked', for: '2026-12-02' },
  ...STAFF.map((name): CardUpdate => ({ kind: 'thanked', name })),
  ...STAFF.map((name): CardUpdate => ({ kind: 'help-offered', name })),
  { kind: 'done', on: '2026-11-27' },
  { kind: 'not-seen', reason: 'no-one-home', withNote: true },
  ...STAFF.flatMap((name): CardUpdate[] => [
    { kind: 'not-sent', name, note: 'thanks', why: 'not-installed' },
    { kind: 'not-sent', name, note: 'help', why: 'unreachable' },
  ]),
];
const allUpdates: CardUpdate[] = [
  ...updates,
  ...updates.map((update): CardUpdate => ({ kind: 'already-recorded', update })),
];
const noteSamples: Note[] = STAFF.flatMap((from, i) => [
  { kind: 'thanks', from, weekStart: '2026-11-23', due: i + 1 },
  { kind: 'help', from, childId: 'C1', childName: names[i] ?? 'Amira K.' },
  {
    kind: 'cover',
    awayName: from,
    leave: { from: '2026-12-02', to: '2026-12-11' },
    items: items.slice(i, i + 3),
    ...DAY,
  },
]);
const said = digests.map(digestText.sayDigest);

/** Arguments to call each catalogue function with, by its path in CATALOGUE. */
const SAMPLES: Record<string, unknown[][]> = {
  'commands.MY_WEEK_CARD.nothingElse': [
    ['2026-12-04', TODAY],
    ['2027-01-01', TODAY],
  ],
  'digest.DIGEST_CARD.title': STAFF.map((t) => [t, '2026-11-23', TODAY]),
  'digest.DIGEST_CARD.thank': STAFF.map((n) => [n.split(' ')[0]]),
  'digest.DIGEST_CARD.showAll': [[1], [2], [40]],
  'digest.DIGEST_CARD.comingUp': [[10], [1]],
  'digest.DIGEST_CARD.andMore': [[1], [12]],
  'digest.DIGEST_CARD.notSeenTitle': [
    ['North', 1, TODAY],
    ['North', 7, TODAY],
  ],
  'digest.DIGEST_CARD.rollUpTitle': [['2026-11-23']],
  'digest.TREND_LABELS.count': [
    [0, 0],
    [2, 5],
  ],
  'digest.TREND_LABELS.week': [['2026-11-30'], ['2027-01-04']],
  'digest.strengthSentence': digests.flatMap((d) => d.strengths.map((s) => [s])),
  'digest.thanksStrength': [[1], [2], [3]],
  'digest.seenSentence': [
    ...digests.map((d) => [d.seen]),
    [{ due: 12, seen: 0, seenInTime: 0, seenAlone: 0 }],
    [{ due: 2, seen: 2, seenInTime: 2, seenAlone: 0 }],
    [{ due: 1, seen: 1, seenInTime: 1, seenAlone: 0 }],
    [{ due: 5, seen: 5, seenInTime: 3, seenAlone: 0 }],
  ],
  'digest.notSeenReason': digests.flatMap((d) => d.notSeenYet.map((c) => [c])),
  'digest.notSeenSentence': digests.flatMap((d) => d.notSeenYet.map((c) => [c])),
  'digest.comingUpSentence': digests.flatMap((d) => d.comingUp.map((c) => [c, d.asOf])),
  'digest.cannotWorkOutLine': digests.flatMap((d) => d.cannotWorkOut.map((c) => [c])),
  'digest.datesNeededLines': digests.map((d) => [d.cannotWorkOut]),
  'digest.cannotReachSentence': digests.flatMap((d) => d.cannotReach.map((p) => [p])),
  'digest.trendAltText': digests.map((d) => [d.trend.weeks, d.asOf]),
  'digest.digestPreview': digests.map((d) => [d]),
  'digest.sayDigest': digests.map((d) => [d]),
  'digest.sayRollUp': [[rollUp(digests)], [rollUp([])]],
  'events.missingName': [...ANCHOR_KINDS, 'dateOfBirth', ...EVENT_KINDS.map((k) => `${k} completed`)].map(
    (m) => [m],
  ),
  'itemForm.reasonChoices': [[]],
  'itemForm.updateNote': allUpdates.map((u) => [u, TODAY]),
  'itemForm.ITEM_FORM.heading': names.map((n) => [n]),
  'morning.MORNING_CARD.greeting': STAFF.map((n) => [n.split(' ')[0]]),
  'morning.MORNING_CARD.openRecordFor': names.map((n) => [n]),
  'morning.todaySentence': contexts.map((c) => [c]),
  'morning.notYetSentence': contexts.map((c) => [c]),
  'morning.comingUpSentence': contexts.map((c) => [c]),
  'morning.cannotWorkOutSentence': names.flatMap((n) => [
    [n, 'visit', ['referral']],
    [n, 'assessment', ['referral', 'caseOpened', 'dateOfBirth']],
  ]),
  'morning.itemSentence': items.map((i) => [i, DAY]),
  'morning.datesNeededSentence': names.flatMap((n) => [
    [n, ['referral']],
    [n, ['referral', 'caseOpened', 'dateOfBirth']],
  ]),
  'morning.datesNeeded': bundles.map((b) => [b.cannotWorkOut]),
  'morning.seenThisWeekSentence': [
    [0, 0],
    [0, 1],
    [0, 1, true],
    [0, 12, true],
    [0, 12, false],
    [1, 1],
    [2, 2],
    [14, 17],
  ],
  'morning.previewText': [[{ today: 0, comingUp: 0, notYet: 0 }], [{ today: 1, comingUp: 3, notYet: 2 }]],
  'morning.sayBundle': bundles.map((b) => [b]),
  'notes.sayNote': noteSamples.map((n) => [n, TODAY]),
  'replies.REPLIES.welcome': STAFF.map((n) => [n.split(' ')[0]]),
  'replies.REPLIES.welcomeLeader': STAFF.map((n) => [n.split(' ')[0]]),
  'replies.REPLIES.settingsNotSaved': Object.values(commands.SETTINGS_PROBLEMS)
    .filter((p) => typeof p === 'string')
    .map((p) => [p]),
  'commands.SETTINGS_PROBLEMS.leaveTooLong': [['Wednesday 1 December 2027']],
  'replies.REPLIES.cardAt': [['08:30'], ['19:15']],
  'commands.MY_WEEK_CARD.teamLine': [
    ...STAFF.map((team) => [team, 3, 12]),
    ['North Family Help', 0, 0],
    ['North Family Help', 1, 1],
    ['North Family Help', 7, 7],
    ['[North](https://evil.example) Family Help', 0, 40],
  ],
};

/** Every string a value holds, however deep. */
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : value && typeof value === 'object'
      ? Object.values(value).flatMap(strings)
      : [];

/** Says every entry: strings as they are, functions with their samples; notes the paths without samples. */
function sayAll(
  value: unknown,
  path: string,
  out: { path: string; text: string }[],
  unsampled: string[],
): void {
  if (typeof value === 'function') {
    const samples = SAMPLES[path];
    if (!samples) return void unsampled.push(path);
    for (const args of samples)
      for (const text of strings((value as (...a: unknown[]) => unknown)(...args))) out.push({ path, text });
    return;
  }
  if (typeof value === 'string') return void out.push({ path, text: value });
  if (Array.isArray(value)) return value.forEach((v, i) => sayAll(v, `${path}[${i}]`, out, unsampled));
  if (value && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) sayAll(v, path ? `${path}.${key}` : key, out, unsampled);
}

const everything: { path: string; text: string }[] = [];
const unsampled: string[] = [];
sayAll(CATALOGUE, '', everything, unsampled);

it('has samples for every function in the catalogue, so none goes unchecked', () => {
  expect(unsampled).toEqual([]);
  expect(Object.keys(SAMPLES).every((p) => everything.some((e) => e.path === p))).toBe(true);
});

it('says thousands of sentences, with every kind of event and name', () => {
  expect(everything.length).toBeGreaterThan(2000);
  for (const [first] of CHILD_NAMES)
    expect(everything.some((e) => e.text.includes(escapeCardText(first)))).toBe(true);
});

/** Plain-text places (a button's title, a tooltip): not markdown, so names go in as they are. */
const PLAIN_TEXT = new Set(['digest.DIGEST_CARD.thank', 'morning.MORNING_CARD.openRecordFor']);
const HOSTILE = [
  '[Click](https://evil.example/login)',
  '**Bold**',
  '**Sam**',
  '[North](https://evil.example)',
  'https://evil.example',
];

/** Names kept as facts beside the sentences (what a view model carries), not said in words. */
const facts = [...names, '[North](https://evil.example) Family Help'];

it('escapes every name it puts in a sentence: callers pass names in as they are', () => {
  const raw = everything.filter(
    ({ path, text }) =>
      !PLAIN_TEXT.has(path) && !facts.includes(text) && HOSTILE.some((h) => text.includes(h)),
  );
  expect(raw.map((r) => `${r.path}: ${r.text}`)).toEqual([]);
  // And the escaped names are there: the sentences name people, safely.
  for (const hostile of HOSTILE.slice(0, 4))
    expect(everything.some((e) => e.text.includes(escapeCardText(hostile)))).toBe(true);
});

it('says all of it in child-focused words', () => {
  const problems = everything.flatMap(({ path, text }) =>
    checkLanguage(text).map((p) => `${path}: "${p.term}" in ${JSON.stringify(text)}`),
  );
  expect(problems).toEqual([]);
});

it('never puts a name on a lock screen', () => {
  const previews = [
    ...Object.values(replies.PREVIEWS),
    morning.MORNING_CARD.nudgePreview,
    ...bundles.map((b) => morning.sayBundle(b).preview),
    ...said.map((d) => d.preview),
    digestText.sayRollUp(rollUp(digests)).preview,
    ...noteSamples.map((n) => notes.sayNote(n, TODAY).preview),
  ];
  for (const preview of previews)
    for (const name of [...CHILD_NAMES.map(([f]) => f), ...STAFF.flatMap((s) => s.split(' '))])
      expect([preview, preview.includes(name)]).toEqual([preview, false]);
});
