/**
 * The demo authority on Monday 30 November 2026 behind the bot, with a fake Bot Connector, the
 * practitioners who have Playground ids installed and the morning planned: what the bot
 * reliability tests press buttons and type commands against. `before` may change the demo data
 * before anyone installs or anything is planned.
 */
import type { OutboxMessage } from '../../src/domain/outbox';
import type { BundleItem } from '../../src/domain/planner';
import { VISIT_KINDS } from '../../src/domain/types';
import { PLAYGROUND_USERS } from '../../src/local/demo-data';
import type { LocalHearth } from '../../src/local/local-hearth';
import type { Who } from './activities';
import { execute, install } from './activities';
import { postActivity, startDemoHearth } from './demo-hearth';
import type { FakeConnector } from './fake-connector';
import { startFakeConnector } from './fake-connector';

/** Monday 30 November 2026, 09:00 in London. */
export const MONDAY = new Date('2026-11-30T09:00:00Z');

export type DemoPractitioner = 'alex' | 'megan' | 'adele' | 'isaiah' | 'lynne';

/** A demo practitioner as Teams names them to the bot. */
export const who = (key: DemoPractitioner): Who => ({
  aad: PLAYGROUND_USERS[key].aad,
  userId: `user-${key}`,
  conversationId: `conv-${key}`,
});

export const itemsOf = (m: OutboxMessage): BundleItem[] => [
  ...m.bundle!.today,
  ...m.bundle!.notSeenYet,
  ...m.bundle!.comingUp,
];
export const visits = (m: OutboxMessage) => itemsOf(m).filter((i) => VISIT_KINDS.has(i.eventKind));
export const cardText = (value: unknown) => JSON.stringify(value);

export interface BotSession {
  hearth: LocalHearth;
  connector: FakeConnector;
  post(body: Record<string, unknown>): ReturnType<typeof postActivity>;
  press(w: Who, verb: string, data: Record<string, unknown>): ReturnType<typeof postActivity>;
  /** A practitioner's morning card today, by their Hearth id. */
  cardOf(id: string): Promise<OutboxMessage>;
  /** What Hearth recorded for an item's child and kind. */
  recordedFor(item: BundleItem): ReturnType<LocalHearth['services']['store']['events']['query']>;
  stop(): Promise<void>;
}

export async function startBotSession(before?: (hearth: LocalHearth) => Promise<void>): Promise<BotSession> {
  const connector = await startFakeConnector();
  const hearth = await startDemoHearth(MONDAY);
  const post = (body: Record<string, unknown>) => postActivity(hearth, body);
  await before?.(hearth);
  for (const key of ['alex', 'megan', 'adele', 'isaiah', 'lynne'] as const)
    await post(install(connector.url, who(key)));
  await fetch(`${hearth.url}/admin/functions/plan-mornings`, { method: 'POST', body: '{}' });
  return {
    hearth,
    connector,
    post,
    press: (w, verb, data) => post(execute(connector.url, w, verb, data)),
    cardOf: async (id) => (await hearth.services.store.outbox.get(`${id}:2026-11-30:morning`, id))!,
    recordedFor: (item) =>
      hearth.services.store.events.query("c.source = 'hearth' AND c.childId = @c AND c.kind = @k", [
        { name: '@c', value: item.childId },
        { name: '@k', value: item.eventKind },
      ]),
    async stop() {
      await hearth.stop();
      await connector.close();
    },
  };
}
