/**
 * The same thing is not said twice: a timely nudge for something already on today's morning card
 * (a core group meeting tomorrow, say) is not sent as a separate "A reminder" card. The demo
 * authority on Monday 30 November has such meetings; the planner proposes the nudges, and the
 * morning run queues only the cards.
 */
import { londonDate } from '../../../src/domain/dates';
import { plan } from '../../../src/domain/planner';
import type { LocalHearth } from '../../../src/local/local-hearth';
import { planMornings } from '../../../src/services/plan-mornings';
import { startDemoHearth } from '../../support/demo-hearth';

let hearth: LocalHearth;
// Monday 30 November 2026, 14:00 in London: after the nudge time, so nudges would go at once.
const AFTERNOON = new Date('2026-11-30T14:00:00Z');

beforeAll(async () => {
  hearth = await startDemoHearth(AFTERNOON);
}, 60_000);
afterAll(() => hearth?.stop());

it('queues no reminder for anything on the same morning card', async () => {
  const { store, planner } = hearth.services;
  const [people, children, events] = await Promise.all([
    store.people.query(),
    store.children.query('c.closed = false'),
    store.events.query(),
  ]);
  const proposed = plan({ people, children, events, now: AFTERNOON, settings: planner });
  // The planner does propose reminders today, each for an item on that practitioner's card.
  expect(proposed.nudges.length).toBeGreaterThan(0);
  for (const nudge of proposed.nudges) {
    const card = proposed.bundles.find((b) => b.practitionerId === nudge.practitionerId)!;
    expect([...card.today, ...card.notSeenYet, ...card.comingUp].map((i) => i.key)).toContain(nudge.item.key);
  }

  await planMornings(hearth.services, AFTERNOON);
  const today = londonDate(AFTERNOON);
  const queued = await store.outbox.query('c.date = @d', [{ name: '@d', value: today }]);
  expect(queued.filter((m) => m.kind === 'nudge')).toEqual([]);
  expect(queued.filter((m) => m.kind === 'morning').length).toBe(proposed.bundles.length);
});
