/**
 * What people do in Teams, done the hostile way, through /api/messages on the local host with the
 * demo authority and a fake Bot Connector: children's names asked for outside the 1:1 chat, dates
 * no one could mean on a card, two answers to one item at once, a dozen taps on one card together,
 * and a note to keep. Each answer is what a person would notice: the reply, the card, the store.
 */
import type { LocalHearth } from '../../src/local/local-hearth';
import { PLAYGROUND_USERS } from '../../src/local/demo-data';
import type { OutboxMessage } from '../../src/domain/outbox';
import type { BundleItem } from '../../src/domain/planner';
import { VISIT_KINDS } from '../../src/domain/types';
import { escapeCardText } from '../../src/text/escape';
import { FORM_PROBLEMS } from '../../src/text/teams/item-form';
import { REPLIES } from '../../src/text/teams/replies';
import { SETTINGS_PROBLEMS } from '../../src/text/teams/commands';
import type { Who } from '../support/activities';
import { activity, execute, install, message } from '../support/activities';
import { postActivity, startDemoHearth } from '../support/demo-hearth';
import type { FakeConnector } from '../support/fake-connector';
import { startFakeConnector } from '../support/fake-connector';
import { waitFor } from '../support/wait';

let hearth: LocalHearth;
let connector: FakeConnector;
// Monday 30 November 2026, 09:00 in London.
const MONDAY = new Date('2026-11-30T09:00:00Z');
const who = (key: 'alex' | 'megan' | 'adele' | 'isaiah' | 'lynne'): Who => ({
  aad: PLAYGROUND_USERS[key].aad,
  userId: `user-${key}`,
  conversationId: `conv-${key}`,
});

const HOSTILE_STAFF = '[Click](https://evil.example/login) Smith';
const HOSTILE_CHILD = { first: '[Click](https://evil.example/login)', familyInitial: '-' };

beforeAll(async () => {
  connector = await startFakeConnector();
  hearth = await startDemoHearth(MONDAY);
  // Lynne, and one of the children she works with, have names that would be links and lists.
  const { store } = hearth.services;
  const lynne = (await store.people.query("c.id = 'demo-lynne'"))[0]!;
  await store.people.upsert({ ...lynne, displayName: HOSTILE_STAFF });
  const [child] = await store.children.query("c.allocatedPractitionerId = 'demo-lynne'");
  await store.children.upsert({ ...child!, name: HOSTILE_CHILD });
  for (const key of ['alex', 'megan', 'adele', 'isaiah', 'lynne'] as const)
    await post(install(connector.url, who(key)));
  await fetch(`${hearth.url}/admin/functions/plan-mornings`, { method: 'POST', body: '{}' });
}, 60_000);
afterAll(async () => {
  await hearth?.stop();
  await connector?.close();
});

const post = (body: Record<string, unknown>) => postActivity(hearth, body);
const cardText = (value: unknown) => JSON.stringify(value);
const cardOf = async (id: string) =>
  (await hearth.services.store.outbox.get(`${id}:2026-11-30:morning`, id))!;
const itemsOf = (m: OutboxMessage) => [...m.bundle!.today, ...m.bundle!.notSeenYet, ...m.bundle!.comingUp];
const visits = (m: OutboxMessage) => itemsOf(m).filter((i) => VISIT_KINDS.has(i.eventKind));
const recordedFor = (item: BundleItem) =>
  hearth.services.store.events.query("c.source = 'hearth' AND c.childId = @c AND c.kind = @k", [
    { name: '@c', value: item.childId },
    { name: '@k', value: item.eventKind },
  ]);
const press = (w: Who, verb: string, data: Record<string, unknown>) =>
  post(execute(connector.url, w, verb, data));

/** What Hearth said in the group chat or channel since `before` (morning cards go to 1:1 chats meanwhile). */
const inGroup = (before: number) =>
  connector.received
    .slice(before)
    .filter((r) => r.conversationId === 'groupChat-1' || r.conversationId === 'channel-1')
    .map((r) => r.activity);

/** The same conversation, but a group chat or a channel. */
const elsewhere = (w: Who, type: 'groupChat' | 'channel', extra: Record<string, unknown>) =>
  activity(connector.url, w, {
    ...extra,
    conversation: { id: `${type}-1`, conversationType: type, tenantId: 'tenant-1' },
  });

describe('outside the 1:1 chat, Hearth names no child', () => {
  const childNames = async () =>
    (await hearth.services.store.children.query()).map((c) => `${c.name.first} ${c.name.familyInitial}.`);

  it.each([
    ['today', 'groupChat'],
    ['my week', 'groupChat'],
    ['settings', 'groupChat'],
    ['pause', 'groupChat'],
    ['today', 'channel'],
    ['my week', 'channel'],
    ['digest', 'channel'],
  ] as const)('answers %j in a %s with the polite line only', async (text, type) => {
    const before = connector.received.length;
    const response = await post(elsewhere(who('alex'), type, { type: 'message', text }));
    expect(response.status).toBe(200);
    const replies = inGroup(before);
    expect(replies.map((a) => a.text)).toEqual([REPLIES.personalChatOnly]);
    const said = JSON.stringify(replies);
    for (const name of await childNames()) expect(said).not.toContain(name);
    const alex = (await hearth.services.store.people.query("c.id = 'demo-alex'"))[0]!;
    expect(alex.paused).toBe(false);
    expect(alex.conversationReference).toMatchObject({ conversation: { id: 'conv-alex' } });
  });

  it('still answers help there', async () => {
    const before = connector.received.length;
    await post(elsewhere(who('alex'), 'groupChat', { type: 'message', text: 'help' }));
    expect(inGroup(before).map((a) => a.text)).toEqual([REPLIES.help]);
  });

  it('says hello when added to a group, without taking it for anyone’s 1:1 chat', async () => {
    const before = connector.received.length;
    await post(elsewhere(who('alex'), 'groupChat', { type: 'installationUpdate', action: 'add' }));
    expect(inGroup(before).map((a) => a.text)).toEqual([REPLIES.installedInGroup]);
    const alex = (await hearth.services.store.people.query("c.id = 'demo-alex'"))[0]!;
    expect(alex.conversationReference).toMatchObject({ conversation: { id: 'conv-alex' } });
  });

  it('answers a card press from a group chat with the polite line, recording nothing', async () => {
    const card = await cardOf('demo-alex');
    const item = visits(card)[0]!;
    const response = await post(
      elsewhere(who('alex'), 'groupChat', {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'seen', data: { card: card.id, item: item.key } } },
      }),
    );
    expect(response.status).toBe(200);
    expect(cardText(response.body?.value)).toContain(REPLIES.personalChatOnly);
    expect(cardText(response.body?.value)).not.toContain(item.childName);
    expect(await recordedFor(item)).toEqual([]);
  });
});

describe('dates no one could mean: the same form comes back saying what to fix', () => {
  const cases: [string, string, Record<string, unknown>, keyof typeof FORM_PROBLEMS][] = [
    ['seen a thousand years ago', 'seen', { seenOn: '1000-01-01', seenAlone: 'true' }, 'seen-too-long-ago'],
    ['seen 91 days ago', 'seen', { seenOn: '2026-08-31' }, 'seen-too-long-ago'],
    ['seen tomorrow', 'seen', { seenOn: '2026-12-01' }, 'seen-in-future'],
    ['seen on the last day there is', 'seen', { seenOn: '9999-12-31' }, 'seen-in-future'],
    ['seen on a day that does not exist', 'seen', { seenOn: '2026-02-30' }, 'not-a-date'],
    ['seen on a word', 'seen', { seenOn: 'yesterday' }, 'not-a-date'],
    ['seen alone, maybe', 'seen', { seenOn: '2026-11-30', seenAlone: 'maybe' }, 'not-understood'],
    ['booked with no date', 'booked', {}, 'booked-no-date'],
    ['booked with an empty date', 'booked', { bookedFor: '' }, 'booked-no-date'],
    ['booked yesterday', 'booked', { bookedFor: '2026-11-29' }, 'booked-in-past'],
    ['booked a year and a day ahead', 'booked', { bookedFor: '2027-12-01' }, 'booked-too-far'],
    ['booked for the end of time', 'booked', { bookedFor: '9999-12-31' }, 'booked-too-far'],
    ['booked for soon', 'booked', { bookedFor: 'soon' }, 'not-a-date'],
    ["couldn't visit for a reason Hearth does not know", 'not-seen', { reason: 'bored' }, 'no-reason'],
    [
      "couldn't visit, with a long note",
      'not-seen',
      { reason: 'other', note: 'x'.repeat(201) },
      'note-too-long',
    ],
    ['remind me never', 'snooze', { until: 'never' }, 'reminder-too-late'],
  ];

  it.each(cases)('%s', async (_, verb, data, problem) => {
    const card = await cardOf('demo-alex');
    const item = visits(card)[0]!;
    const response = await press(who('alex'), verb, { card: card.id, item: item.key, ...data });
    const shown = cardText(response.body?.value);
    expect(response.status).toBe(200);
    expect(shown).toContain(JSON.stringify(FORM_PROBLEMS[problem]).slice(1, -1));
    // The same form: every button is there to try again.
    for (const again of ['"verb":"seen"', '"verb":"booked"', '"verb":"not-seen"'])
      expect(shown).toContain(again);
    expect(await recordedFor(item)).toEqual([]);
    expect((await cardOf('demo-alex')).updates?.[item.key]).toBeUndefined();
  });

  it('keeps what was typed on the form it gives back', async () => {
    const card = await cardOf('demo-alex');
    const item = visits(card)[0]!;
    const response = await press(who('alex'), 'seen', {
      card: card.id,
      item: item.key,
      seenOn: '2026-12-25',
      seenAlone: 'true',
    });
    const shown = cardText(response.body?.value);
    expect(shown).toContain('"id":"seenOn","label":"Seen on","value":"2026-12-25"');
    expect(shown).toContain('"id":"seenAlone","title":"Seen on their own","value":"true"');
  });

  it('refuses a meeting "done" tomorrow, and offers Done rather than Seen for it', async () => {
    const card = await cardOf('demo-alex');
    const meeting = itemsOf(card).find((i) => i.eventKind === 'core-group')!;
    const form = cardText(
      (await press(who('alex'), 'open', { card: card.id, item: meeting.key })).body?.value,
    );
    expect(form).toContain('"verb":"done"');
    expect(form).not.toContain('"verb":"seen"');
    expect(form).not.toContain('"verb":"not-seen"');
    const response = await press(who('alex'), 'done', {
      card: card.id,
      item: meeting.key,
      doneOn: '2026-12-01',
    });
    expect(cardText(response.body?.value)).toContain(FORM_PROBLEMS['done-in-future']);
    expect(await recordedFor(meeting)).toEqual([]);
  });

  it('offers only reminders that come before the meeting, and refuses a later one', async () => {
    const card = await cardOf('demo-alex');
    // The core group meeting is booked for tomorrow, Tuesday 1 December.
    const meeting = itemsOf(card).find((i) => i.eventKind === 'core-group')!;
    expect(meeting.booked).toBe('2026-12-01');
    const form = cardText(
      (await press(who('alex'), 'open', { card: card.id, item: meeting.key })).body?.value,
    );
    expect(form).toContain('Remind me tomorrow');
    expect(form).not.toContain('Remind me on Monday');
    const response = await press(who('alex'), 'snooze', {
      card: card.id,
      item: meeting.key,
      until: 'monday',
    });
    expect(cardText(response.body?.value)).toContain(
      JSON.stringify(FORM_PROBLEMS['reminder-too-late']).slice(1, -1),
    );
    const alex = (await hearth.services.store.people.query("c.id = 'demo-alex'"))[0]!;
    expect(alex.snoozes ?? []).toEqual([]);
  });

  it('accepts the edges: seen exactly 90 days ago, booked exactly a year ahead', async () => {
    const card = await cardOf('demo-lynne');
    const [first, second] = visits(card);
    const seen = await press(who('lynne'), 'seen', { card: card.id, item: first!.key, seenOn: '2026-09-01' });
    expect(cardText(seen.body?.value)).toContain('Seen on Tuesday 1 September. Thank you.');
    const booked = await press(who('lynne'), 'booked', {
      card: card.id,
      item: second!.key,
      bookedFor: '2027-11-30',
    });
    expect(cardText(booked.body?.value)).toContain('Booked for Tuesday 30 November 2027.');
    expect(await recordedFor(first!)).toMatchObject([{ status: 'completed', completedDate: '2026-09-01' }]);
    expect(await recordedFor(second!)).toMatchObject([{ status: 'planned', scheduledDate: '2027-11-30' }]);
  });
});

describe('hostile names on every surface: shown as text, never as a link or a list', () => {
  const raw = ['[Click](https://evil.example', '](https://'];
  const shownSafely = (said: string, name: string) => {
    for (const r of raw) expect(said).not.toContain(r);
    expect(said).toContain(JSON.stringify(escapeCardText(name)).slice(1, -1));
  };

  it('in the welcome', () => {
    const [welcome] = connector.received.filter((r) => r.conversationId === 'conv-lynne');
    shownSafely(JSON.stringify(welcome?.activity.text), '[Click](https://evil.example/login)');
  });

  it.each(['today', 'my week'])('in %s', async (command) => {
    const before = connector.received.length;
    await post(message(connector.url, who('lynne'), command));
    const [reply] = connector.received.slice(before).filter((r) => r.conversationId === 'conv-lynne');
    shownSafely(JSON.stringify(reply?.activity), `${HOSTILE_CHILD.first} -.`);
  });

  it('on the morning card as delivered, and on the item form', async () => {
    const delivered = await waitFor(
      () =>
        connector.received.find(
          (r) => r.conversationId === 'conv-lynne' && JSON.stringify(r.activity).includes('Good morning'),
        ),
      "Lynne's morning card",
    );
    shownSafely(JSON.stringify(delivered?.activity), `${HOSTILE_CHILD.first} -.`);
    expect(JSON.stringify(delivered?.activity)).toContain(
      JSON.stringify(escapeCardText('[Click](https://evil.example/login)')).slice(1, -1),
    );
    const card = await cardOf('demo-lynne');
    const item = itemsOf(card).find((i) => i.childName.startsWith('[Click]'))!;
    const form = await press(who('lynne'), 'open', { card: card.id, item: item.key });
    shownSafely(cardText(form.body?.value), `${HOSTILE_CHILD.first} -.`);
  });
});

describe('settings that cannot be saved: plain words, the form back as typed, nothing saved', () => {
  const good = {
    morningTime: '07:45',
    workingDays: 'mon,tue',
    quietStart: '',
    quietEnd: '',
    leaveFrom: '',
    leaveTo: '',
  };
  it.each([
    [
      'leave that ends before it starts',
      { leaveFrom: '2026-12-21', leaveTo: '2026-12-20' },
      SETTINGS_PROBLEMS.leaveOrder,
    ],
    ['only the first day of leave', { leaveFrom: '2026-12-21' }, SETTINGS_PROBLEMS.leaveBothEnds],
    ['leave from "soon"', { leaveFrom: 'soon', leaveTo: '2026-12-24' }, SETTINGS_PROBLEMS.leaveDate],
    ['a morning time of 25:00', { morningTime: '25:00' }, SETTINGS_PROBLEMS.morningTime],
    ['a morning time that is a number', { morningTime: 830 }, SETTINGS_PROBLEMS.morningTime],
    ['no working days', { workingDays: '' }, SETTINGS_PROBLEMS.workingDays],
    ['a working day called funday', { workingDays: 'mon,funday' }, SETTINGS_PROBLEMS.workingDays],
    ['one end of quiet hours', { quietStart: '19:00' }, SETTINGS_PROBLEMS.quietBothEnds],
    ['quiet hours from teatime', { quietStart: 'teatime', quietEnd: '07:00' }, SETTINGS_PROBLEMS.quietTime],
  ] as const)('%s', async (_, change, problem) => {
    const before = (await hearth.services.store.people.query("c.id = 'demo-megan'"))[0]!;
    const response = await press(who('megan'), 'save-settings', { ...good, ...change });
    const body = response.body?.value as {
      body: { text?: string; color?: string; id?: string; value?: unknown }[];
    };
    const said = body.body.find((b) => b.color === 'Attention')?.text;
    expect(said).toBe(REPLIES.settingsNotSaved(problem));
    expect(said).not.toMatch(/morningTime|workingDays|leaveFrom|leaveTo|quietStart|quietEnd/);
    // The form comes back, holding what was typed.
    const typed = { ...good, ...change };
    for (const [id, value] of Object.entries(typed))
      if (typeof value === 'string' && value !== '')
        expect(body.body.find((b) => b.id === id)?.value).toBe(value);
    const after = (await hearth.services.store.people.query("c.id = 'demo-megan'"))[0]!;
    expect(after.morningTime).toBe(before.morningTime);
    expect(after.leave).toEqual(before.leave);
  });
});

describe('two answers to one item at once', () => {
  it('records the first, and tells the second what was already recorded', async () => {
    const card = await cardOf('demo-adele');
    for (const item of visits(card).slice(0, 3)) {
      const [seen, notSeen] = await Promise.all([
        press(who('adele'), 'seen', { card: card.id, item: item.key, seenOn: '2026-11-30' }),
        press(who('adele'), 'not-seen', { card: card.id, item: item.key, reason: 'no-one-home' }),
      ]);
      const answers = [cardText(seen.body?.value), cardText(notSeen.body?.value)];
      const recorded = await recordedFor(item);
      expect(recorded).toHaveLength(1);
      const first = recorded[0]!.status === 'completed' ? 0 : 1;
      expect(answers[first]).not.toContain('Already recorded');
      expect(answers[1 - first]).toContain(
        first === 0
          ? "Already recorded: seen on Monday 30 November. I haven't changed anything."
          : "Already recorded: couldn't visit (no one was home). I haven't changed anything.",
      );
    }
  });
});

it('answers twelve taps on one card at once, each with a card, recording each item once', async () => {
  const card = await cardOf('demo-megan');
  const items = itemsOf(card);
  const visit = visits(card)[0]!;
  const taps: [string, Record<string, unknown>][] = [
    ['seen', { item: visit.key, seenOn: '2026-11-30' }],
    ['not-seen', { item: visit.key, reason: 'child-unwell' }],
    ['booked', { item: visit.key, bookedFor: '2026-12-02' }],
    ['open', { item: items[1]!.key }],
    ['done', { item: items[1]!.key, doneOn: '2026-11-27' }],
    ['booked', { item: items[2]!.key, bookedFor: '2026-12-03' }],
    ['done', { item: items[2]!.key, doneOn: '2026-11-30' }],
    ['snooze', { item: items[3]!.key, until: 'tomorrow' }],
    ['done', { item: items[4]!.key }],
    ['booked', { item: items[5]!.key, bookedFor: '2026-12-04' }],
    ['back', {}],
    ['open', { item: items[6]!.key }],
  ];
  const answers = await Promise.all(
    taps.map(([verb, data]) => press(who('megan'), verb, { card: card.id, ...data })),
  );
  for (const answer of answers) {
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(cardText(answer.body?.value)).not.toContain(REPLIES.somethingWrong);
  }
  // Each item was recorded once, whichever tap came first; the card shows each in place.
  const after = await cardOf('demo-megan');
  for (const item of [visit, items[1]!, items[2]!, items[4]!, items[5]!]) {
    expect(await recordedFor(item)).toHaveLength(1);
    expect(after.updates?.[item.key]).toBeDefined();
  }
  expect(after.updates?.[items[3]!.key]).toMatchObject({ kind: 'snoozed' });
});

describe("couldn't visit, with a note", () => {
  it('keeps the note on the event in the practitioner’s words, and never in a log', async () => {
    const logged: string[] = [];
    for (const method of ['log', 'info', 'warn', 'error'] as const)
      jest
        .spyOn(console, method)
        .mockImplementation((...args: unknown[]) => void logged.push(JSON.stringify(args)));
    const card = await cardOf('demo-isaiah');
    const item = visits(card)[0]!;
    const typed = 'Mum said to come back on Thursday\u202e after school\u0007 ';
    const response = await press(who('isaiah'), 'not-seen', {
      card: card.id,
      item: item.key,
      reason: 'family-rearranged',
      note: typed,
    });
    jest.restoreAllMocks();
    expect(cardText(response.body?.value)).toContain(
      "Recorded: couldn't visit today (the family rearranged). Your note is kept with it.",
    );
    const [event] = await recordedFor(item);
    expect(event).toMatchObject({
      status: 'not-possible',
      notPossibleReason: 'family-rearranged',
      practitionerNote: 'Mum said to come back on Thursday  after school',
      recordedBy: 'demo-isaiah',
    });
    const log = await hearth.services.store.activity.query("c.action = 'card.not-seen'");
    expect(log.length).toBeGreaterThan(0);
    expect(JSON.stringify(log)).not.toContain('Thursday');
    expect(logged.join('\n')).not.toContain('Thursday');
  });
});

it('answers a practitioner who is told nothing new, politely, not with an error', async () => {
  // A message with only a mention, or odd spacing: help, never a failure.
  const before = connector.received.length;
  await post(message(connector.url, who('alex'), '   '));
  const replies = connector.received.slice(before).filter((r) => r.activity.text !== undefined);
  expect(replies.map((r) => r.activity.text)).toEqual([REPLIES.help]);
});
