/**
 * Card buttons pressed the hostile way, through /api/messages on the local host with the demo
 * authority and a fake Bot Connector: dates no one could mean, reminders after the thing is due,
 * two answers to one item at once, a dozen taps on one card together, and a note to keep. Each
 * answer is what a person would notice: the card that comes back, and what the store holds.
 */
import { FORM_PROBLEMS } from '../../src/text/teams/item-form';
import { REPLIES } from '../../src/text/teams/replies';
import type { BotSession } from '../support/bot-session';
import { cardText, itemsOf, startBotSession, visits, who } from '../support/bot-session';

let session: BotSession;
beforeAll(async () => {
  session = await startBotSession();
}, 60_000);
afterAll(() => session?.stop());

const press: BotSession['press'] = (...args) => session.press(...args);
const cardOf = (id: string) => session.cardOf(id);
const recordedFor: BotSession['recordedFor'] = (item) => session.recordedFor(item);

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
    const alex = (await session.hearth.services.store.people.query("c.id = 'demo-alex'"))[0]!;
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
    const log = await session.hearth.services.store.activity.query("c.action = 'card.not-seen'");
    expect(log.length).toBeGreaterThan(0);
    expect(JSON.stringify(log)).not.toContain('Thursday');
    expect(logged.join('\n')).not.toContain('Thursday');
  });
});
