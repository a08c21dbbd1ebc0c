/**
 * The chat side of the bot, the hostile way, through /api/messages on the local host with the demo
 * authority and a fake Bot Connector: children's names asked for outside the 1:1 chat, names that
 * would be links or lists on every surface, and settings no one could mean. Each answer is what a
 * person would notice: the reply, the card, the store.
 */
import { myWeek } from '../../src/services/my-week';
import type { LocalHearth } from '../../src/local/local-hearth';
import { escapeCardText } from '../../src/text/escape';
import { SETTINGS_PROBLEMS } from '../../src/text/teams/commands';
import { REPLIES } from '../../src/text/teams/replies';
import type { Who } from '../support/activities';
import { activity, message } from '../support/activities';
import type { BotSession } from '../support/bot-session';
import { cardText, itemsOf, startBotSession, visits, who } from '../support/bot-session';
import { waitFor } from '../support/wait';

const HOSTILE_STAFF = '[Click](https://evil.example/login) Smith';
const HOSTILE_CHILD = { first: '[Click](https://evil.example/login)', familyInitial: '-' };

/**
 * Lynne, and one of the children she works with, have names that would be links and lists: a child
 * with something due this week, so that `my week` names them too.
 */
async function hostileNames(hearth: LocalHearth): Promise<void> {
  const { store } = hearth.services;
  const lynne = (await store.people.query("c.id = 'demo-lynne'"))[0]!;
  await store.people.upsert({ ...lynne, displayName: HOSTILE_STAFF });
  const dueThisWeek = (await myWeek(hearth.services, lynne)).items[0]!.childId;
  const [child] = await store.children.query('c.id = @id', [{ name: '@id', value: dueThisWeek }]);
  await store.children.upsert({ ...child!, name: HOSTILE_CHILD });
}

let session: BotSession;
beforeAll(async () => {
  session = await startBotSession(hostileNames);
}, 60_000);
afterAll(() => session?.stop());

const post: BotSession['post'] = (body) => session.post(body);
const press: BotSession['press'] = (...args) => session.press(...args);
const cardOf = (id: string) => session.cardOf(id);
const recordedFor: BotSession['recordedFor'] = (item) => session.recordedFor(item);

/** What Hearth said in the group chat or channel since `before` (morning cards go to 1:1 chats meanwhile). */
const inGroup = (before: number) =>
  session.connector.received
    .slice(before)
    .filter((r) => r.conversationId === 'groupChat-1' || r.conversationId === 'channel-1')
    .map((r) => r.activity);

/** The same conversation, but a group chat or a channel. */
const elsewhere = (w: Who, type: 'groupChat' | 'channel', extra: Record<string, unknown>) =>
  activity(session.connector.url, w, {
    ...extra,
    conversation: { id: `${type}-1`, conversationType: type, tenantId: 'tenant-1' },
  });

describe('outside the 1:1 chat, Hearth names no child', () => {
  const childNames = async () =>
    (await session.hearth.services.store.children.query()).map(
      (c) => `${c.name.first} ${c.name.familyInitial}.`,
    );

  it.each([
    ['today', 'groupChat'],
    ['my week', 'groupChat'],
    ['settings', 'groupChat'],
    ['pause', 'groupChat'],
    ['today', 'channel'],
    ['my week', 'channel'],
    ['digest', 'channel'],
  ] as const)('answers %j in a %s with the polite line only', async (text, type) => {
    const before = session.connector.received.length;
    const response = await post(elsewhere(who('alex'), type, { type: 'message', text }));
    expect(response.status).toBe(200);
    const replies = inGroup(before);
    expect(replies.map((a) => a.text)).toEqual([REPLIES.personalChatOnly]);
    const said = JSON.stringify(replies);
    for (const name of await childNames()) expect(said).not.toContain(name);
    const alex = (await session.hearth.services.store.people.query("c.id = 'demo-alex'"))[0]!;
    expect(alex.paused).toBe(false);
    expect(alex.conversationReference).toMatchObject({ conversation: { id: 'conv-alex' } });
  });

  it('still answers help there', async () => {
    const before = session.connector.received.length;
    await post(elsewhere(who('alex'), 'groupChat', { type: 'message', text: 'help' }));
    expect(inGroup(before).map((a) => a.text)).toEqual([REPLIES.help]);
  });

  it('says hello when added to a group, without taking it for anyone’s 1:1 chat', async () => {
    const before = session.connector.received.length;
    await post(elsewhere(who('alex'), 'groupChat', { type: 'installationUpdate', action: 'add' }));
    expect(inGroup(before).map((a) => a.text)).toEqual([REPLIES.installedInGroup]);
    const alex = (await session.hearth.services.store.people.query("c.id = 'demo-alex'"))[0]!;
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

describe('hostile names on every surface: shown as text, never as a link or a list', () => {
  const raw = ['[Click](https://evil.example', '](https://'];
  const shownSafely = (said: string, name: string) => {
    for (const r of raw) expect(said).not.toContain(r);
    expect(said).toContain(JSON.stringify(escapeCardText(name)).slice(1, -1));
  };

  it('in the welcome', () => {
    const [welcome] = session.connector.received.filter((r) => r.conversationId === 'conv-lynne');
    shownSafely(JSON.stringify(welcome?.activity.text), '[Click](https://evil.example/login)');
  });

  it.each(['today', 'my week'])('in %s', async (command) => {
    const before = session.connector.received.length;
    await post(message(session.connector.url, who('lynne'), command));
    const [reply] = session.connector.received.slice(before).filter((r) => r.conversationId === 'conv-lynne');
    shownSafely(JSON.stringify(reply?.activity), `${HOSTILE_CHILD.first} -.`);
  });

  it('on the morning card as delivered, and on the item form', async () => {
    const delivered = await waitFor(
      () =>
        session.connector.received.find(
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
    const before = (await session.hearth.services.store.people.query("c.id = 'demo-megan'"))[0]!;
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
    const after = (await session.hearth.services.store.people.query("c.id = 'demo-megan'"))[0]!;
    expect(after.morningTime).toBe(before.morningTime);
    expect(after.leave).toEqual(before.leave);
  });
});

it('answers a practitioner who is told nothing new, politely, not with an error', async () => {
  // A message with only a mention, or odd spacing: help, never a failure.
  const before = session.connector.received.length;
  await post(message(session.connector.url, who('alex'), '   '));
  const replies = session.connector.received.slice(before).filter((r) => r.activity.text !== undefined);
  expect(replies.map((r) => r.activity.text)).toEqual([REPLIES.help]);
});
