/**
 * The manager's digest through the bot on the local host, with a fake Bot Connector: the Monday
 * plan, `digest` on demand, Thank and Ask how I can help (each reaching the practitioner once),
 * the full list and back, and the access rule (only the manager the digest is for, only while
 * they manage that team).
 */
import type { LocalHearth } from '../../../src/local/local-hearth';
import { postActivity, startDemoHearth } from '../../support/demo-hearth';
import type { Strength } from '../../../src/domain/digest';
import type { OutboxMessage } from '../../../src/domain/outbox';
import { PLAYGROUND_USERS } from '../../../src/local/demo-data';
import { planDigests } from '../../../src/services/plan-digests';
import { sayNote } from '../../../src/text/teams/notes';
import { REPLIES } from '../../../src/text/teams/replies';
import type { Who } from '../../support/activities';
import { execute, install, message } from '../../support/activities';
import type { FakeConnector } from '../../support/fake-connector';
import { startFakeConnector } from '../../support/fake-connector';
import { waitFor } from '../../support/wait';

let hearth: LocalHearth;
let connector: FakeConnector;
// Monday 30 November 2026, 09:00 in London: the first working day of the week.
const MONDAY = new Date('2026-11-30T09:00:00Z');
const patti: Who = { aad: PLAYGROUND_USERS.patti.aad, userId: 'user-patti', conversationId: 'conv-patti' };
const alex: Who = { aad: PLAYGROUND_USERS.alex.aad, userId: 'user-alex', conversationId: 'conv-alex' };

beforeAll(async () => {
  connector = await startFakeConnector();
  hearth = await startDemoHearth(MONDAY);
  for (const who of [patti, alex]) await post(install(connector.url, who));
}, 60_000);
afterAll(async () => {
  await hearth?.stop();
  await connector?.close();
});

const post = (body: Record<string, unknown>) => postActivity(hearth, body);
const cardsIn = (conversation: string) =>
  connector.received.filter((r) => r.conversationId === conversation).map((r) => r.activity);
const cardText = (card: unknown) => JSON.stringify(card);
const outbox = (where: string) => hearth.services.store.outbox.query(where);
/** A note as its recipient reads it. */
const said = (m: OutboxMessage) => sayNote(m.note!, m.date);
type PractitionerStrength = Extract<Strength, { kind: 'saw-everyone-due' }>;

let digestId: string;

it('plans one digest a team for each manager on Monday morning, and a roll-up for the head of service', async () => {
  const run = await fetch(`${hearth.url}/admin/functions/plan-digests`, { method: 'POST', body: '{}' });
  expect(run.status).toBe(202);
  const planned = await waitFor(async () => {
    const all = await outbox("c.kind = 'digest' OR c.kind = 'rollup'");
    return all.length >= 3 ? all : undefined;
  }, 'the digests to be planned');
  expect(planned.map((m) => m.id).sort()).toEqual([
    'demo-jo:2026-11-30:rollup',
    'demo-patti:2026-11-30:digest:demo-team-north',
    'demo-sam:2026-11-30:digest:demo-team-south',
  ]);
  const pattis = planned.find((m) => m.recipientId === 'demo-patti')!;
  digestId = pattis.id;
  expect(pattis.digest).toMatchObject({ teamId: 'demo-team-north', weekId: '2026-W48' });

  // Patti has Hearth installed: her digest arrives, names kept off the lock screen.
  const card = await waitFor(
    () => cardsIn('conv-patti').find((a) => cardText(a).includes('the week of Monday 23 November')),
    "Patti's digest",
  );
  expect(card.summary).toMatch(/^Your team's week: \d+ of \d+ child(ren)? seen, \d+ not seen yet$/);
  expect(cardText(card)).toContain('data:image/png;base64,');
  expect(cardText(card)).toContain('Children seen when we said we would, the last 8 weeks');
  expect(Buffer.byteLength(cardText(card))).toBeLessThan(60 * 1024);

  // Running again plans nothing new.
  await fetch(`${hearth.url}/admin/functions/plan-digests`, { method: 'POST', body: '{}' });
  expect(await outbox("c.kind = 'digest' OR c.kind = 'rollup'")).toHaveLength(3);
});

it('sends a digest on `digest` for a manager, and explains to a practitioner why not', async () => {
  const before = cardsIn('conv-patti').length;
  await post(message(connector.url, patti, 'digest'));
  expect(cardsIn('conv-patti')[before]?.text).toBe(REPLIES.digestOnItsWay);
  await waitFor(
    () =>
      cardsIn('conv-patti')
        .slice(before + 1)
        .find((a) => cardText(a).includes('North Family Help')),
    'the digest asked for',
  );

  const alexBefore = cardsIn('conv-alex').length;
  await post(message(connector.url, alex, 'digest'));
  expect(
    cardsIn('conv-alex')
      .slice(alexBefore)
      .map((a) => a.text),
  ).toEqual([REPLIES.notALeader]);
});

it('shows every child not seen yet, and goes back', async () => {
  const digest = (await hearth.services.store.outbox.get(digestId, 'demo-patti'))!.digest!;
  const list = await post(execute(connector.url, patti, 'digest-not-seen', { card: digestId }));
  const listed = cardText(list.body);
  for (const child of digest.notSeenYet) expect(listed).toContain(child.childName);
  expect(listed).toContain('Back to the digest');
  const back = await post(execute(connector.url, patti, 'digest-back', { card: digestId }));
  expect(cardText(back.body)).toContain('What went well');
});

it('refuses anyone but the manager the digest is for, changing nothing', async () => {
  const response = await post(execute(connector.url, alex, 'digest-not-seen', { card: digestId }));
  expect(cardText(response.body)).toContain(REPLIES.notYourCard);
});

/** A demo practitioner as Teams would name them, by their Hearth id. */
const demoWho = (id: string): Who => {
  const key = id.replace('demo-', '') as keyof typeof PLAYGROUND_USERS;
  return { aad: PLAYGROUND_USERS[key].aad, userId: `user-${key}`, conversationId: `conv-${key}` };
};

it('says so when the practitioner cannot be reached yet, and sends nothing', async () => {
  const digest = (await hearth.services.store.outbox.get(digestId, 'demo-patti'))!.digest!;
  const strength = digest.strengths.find(
    (s): s is PractitionerStrength => s.kind === 'saw-everyone-due' && s.practitionerId !== 'demo-alex',
  )!;
  expect(strength).toBeDefined();
  const first = strength.practitionerName.split(' ')[0]!;
  const thanked = await post(
    execute(connector.url, patti, 'thank', { card: digestId, person: strength.practitionerId }),
  );
  expect(cardText(thanked.body)).toContain(
    `${first} hasn't opened Hearth yet, so I couldn't send it; tell them in person.`,
  );
  expect(cardText(thanked.body)).not.toContain('Thank-you sent');
  expect(await outbox("c.kind = 'note'")).toEqual([]);
  const log = await hearth.services.store.activity.inPartition(digest.teamId, 'c.action = @a', [
    { name: '@a', value: 'digest.thank-not-sent' },
  ]);
  expect(log).toMatchObject([
    { actor: 'demo-patti', details: { to: strength.practitionerId, why: 'not-installed' } },
  ]);
});

it('thanks a practitioner once, and offers help with a child once', async () => {
  const digest = (await hearth.services.store.outbox.get(digestId, 'demo-patti'))!.digest!;
  const strength = digest.strengths.find(
    (s): s is PractitionerStrength => s.kind === 'saw-everyone-due' && s.practitionerId !== 'demo-alex',
  );
  const child = digest.notSeenYet.find((c) => c.practitionerId);
  expect(strength).toBeDefined();
  expect(child).toBeDefined();
  // Now they have Hearth: the thank-you and the offer can reach them.
  await post(install(connector.url, demoWho(strength!.practitionerId)));
  if (child!.practitionerId !== strength!.practitionerId)
    await post(install(connector.url, demoWho(child!.practitionerId)));

  const thanked = await post(
    execute(connector.url, patti, 'thank', { card: digestId, person: strength!.practitionerId }),
  );
  expect(cardText(thanked.body)).toContain(`Thank-you sent to ${strength!.practitionerName.split(' ')[0]!}.`);
  await post(execute(connector.url, patti, 'thank', { card: digestId, person: strength!.practitionerId }));
  const helped = await post(
    execute(connector.url, patti, 'offer-help', { card: digestId, child: child!.childId }),
  );
  expect(cardText(helped.body)).toContain('You offered');

  const words = await waitFor(async () => {
    const all = await outbox("c.kind = 'note'");
    return all.length >= 2 && all.every((m) => m.status !== 'pending' && m.status !== 'sending')
      ? all
      : undefined;
  }, 'the kind words to be sent');
  expect(words).toHaveLength(2);
  expect(words.map((w) => w.status)).toEqual(['sent', 'sent']);
  const thanks = words.find((w) => said(w).preview === 'A thank-you from your manager')!;
  expect(thanks.recipientId).toBe(strength!.practitionerId);
  expect(said(thanks).text).toContain('Patti Fernandez read your team');
  const help = words.find((w) => said(w).preview === 'Your manager would like to help')!;
  expect(help.recipientId).toBe(child!.practitionerId);
  expect(said(help).text).toContain(child!.childName);
  // The lock screen never names the child.
  expect(said(help).preview).not.toContain(child!.childName.split(' ')[0]!);
});

it('refuses a manager who no longer manages the team', async () => {
  const patti0 = (await hearth.services.store.people.query("c.id = 'demo-patti'"))[0]!;
  await hearth.services.store.people.upsert({ ...patti0, roles: ['practitioner'], managesTeamIds: [] });
  const response = await post(execute(connector.url, patti, 'digest-back', { card: digestId }));
  expect(cardText(response.body)).toContain(REPLIES.notYourTeam);
  await hearth.services.store.people.upsert(patti0);
});

it('answers malformed digest buttons politely', async () => {
  for (const data of [{}, { card: 42 }, { card: digestId, person: 'x'.repeat(500) }]) {
    const response = await post(execute(connector.url, patti, 'thank', data));
    expect(cardText(response.body)).toContain(REPLIES.somethingWrong);
  }
});

it('tells the manager what falls due while one of their team is away', async () => {
  const isaiah = (await hearth.services.store.people.query("c.id = 'demo-isaiah'"))[0]!;
  await hearth.services.store.people.upsert({ ...isaiah, leave: [{ from: '2026-12-01', to: '2026-12-11' }] });
  await fetch(`${hearth.url}/admin/functions/plan-mornings`, { method: 'POST', body: '{}' });
  const cover = await waitFor(
    () => hearth.services.store.outbox.get('demo-patti:2026-11-30:note:cover-demo-isaiah', 'demo-patti'),
    "the cover note to Isaiah's manager",
  );
  expect(said(cover)).toMatchObject({
    title: 'While Isaiah Langer is away',
    preview: 'Cover needed while someone is on leave',
  });
  expect(said(cover).text).toContain(
    'Isaiah Langer is on leave from Tuesday 1 December to Friday 11 December.',
  );
  // Patti has Hearth installed: it reaches her, with no child's name on the lock screen.
  const sent = await waitFor(
    () => cardsIn('conv-patti').find((a) => a.summary === 'Cover needed while someone is on leave'),
    'the cover note in Teams',
  );
  expect(cardText(sent)).toContain('While Isaiah Langer is away');
});

it("waits for the end of a manager's quiet hours", async () => {
  const sam = (await hearth.services.store.people.query("c.id = 'demo-sam'"))[0]!;
  await hearth.services.store.people.upsert({ ...sam, quietHours: { start: '07:00', end: '09:30' } });
  const { store } = hearth.services;
  const nextMonday = (time: string) => new Date(`2026-12-07T${time}:00Z`); // GMT in December
  await planDigests(hearth.services, nextMonday('09:00'));
  expect(await store.outbox.get('demo-sam:2026-12-07:digest:demo-team-south', 'demo-sam')).toBeUndefined();
  await planDigests(hearth.services, nextMonday('09:30'));
  expect(await store.outbox.get('demo-sam:2026-12-07:digest:demo-team-south', 'demo-sam')).toMatchObject({
    sendAt: '2026-12-07T09:30:00.000Z',
    digest: { weekId: '2026-W49' },
  });
});
