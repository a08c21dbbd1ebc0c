/**
 * Card buttons (Action.Execute), routed by verb. Each button's data is parsed here, at the edge;
 * the use case decides and the card it leads to replaces the pressed one. A button Hearth does not
 * know (an old card, a changed template) gets a polite card, never an error.
 */
import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import { isoDateSchema } from '../domain/schemas';
import { NOT_SEEN_REASON_CODES } from '../domain/types';
import type { CardOutcome } from '../services/card-outcome';
import type { Deps } from '../services/deps';
import { offerHelp } from '../services/digest-card/offer-help';
import { showDigest } from '../services/digest-card/locate-digest';
import { thank } from '../services/digest-card/thank';
import { openItem, showMorningCard } from '../services/morning-card/open-item';
import { recordBooked } from '../services/morning-card/record-booked';
import { recordNotSeen } from '../services/morning-card/record-not-seen';
import { recordSeen } from '../services/morning-card/record-seen';
import { snoozeItem } from '../services/morning-card/snooze-item';
import { outcomeCard, refusalCard } from './card-views';
import { saveSettingsFromCard } from './settings-input';
import { speaker } from './turn';

const morningData = z.object({
  card: z.string().min(1).max(300),
  // The item's key. Not named `key`: the Playground's card renderer writes to data.key, frozen.
  item: z.string().min(1).max(300).optional(),
  until: z.enum(['tomorrow', 'monday']).optional(),
  seenOn: isoDateSchema.optional(),
  seenAlone: z.enum(['true', 'false']).optional(),
  bookedFor: isoDateSchema.optional(),
  reason: z.enum(NOT_SEEN_REASON_CODES).optional(),
  note: z.string().max(200).optional(),
});
type MorningData = z.infer<typeof morningData>;

const digestData = z.object({
  card: z.string().min(1).max(300),
  person: z.string().min(1).max(128).optional(),
  child: z.string().min(1).max(128).optional(),
  list: z.enum(['true']).optional(),
});
type DigestData = z.infer<typeof digestData>;

type Press = { actor: Awaited<ReturnType<typeof speaker>> };
type Handler<D> = (deps: Deps, data: D & Press) => Promise<CardOutcome>;

const MORNING_VERBS: Record<string, Handler<MorningData>> = {
  open: (deps, d) => openItem(deps, { actor: d.actor, cardId: d.card, ...(d.item ? { item: d.item } : {}) }),
  back: (deps, d) => showMorningCard(deps, { actor: d.actor, cardId: d.card }),
  seen: (deps, d) =>
    recordSeen(deps, {
      actor: d.actor,
      cardId: d.card,
      ...(d.item ? { item: d.item } : {}),
      ...(d.seenOn ? { seenOn: d.seenOn } : {}),
      seenAlone: d.seenAlone === 'true',
    }),
  booked: (deps, d) =>
    recordBooked(deps, {
      actor: d.actor,
      cardId: d.card,
      ...(d.item ? { item: d.item } : {}),
      ...(d.bookedFor ? { bookedFor: d.bookedFor } : {}),
    }),
  'not-seen': (deps, d) =>
    recordNotSeen(deps, {
      actor: d.actor,
      cardId: d.card,
      ...(d.item ? { item: d.item } : {}),
      reason: d.reason ?? 'other',
    }),
  snooze: (deps, d) =>
    snoozeItem(deps, {
      actor: d.actor,
      cardId: d.card,
      ...(d.item ? { item: d.item } : {}),
      until: d.until ?? 'tomorrow',
    }),
};

const DIGEST_VERBS: Record<string, Handler<DigestData>> = {
  thank: (deps, d) =>
    thank(deps, {
      actor: d.actor,
      cardId: d.card,
      list: d.list === 'true',
      ...(d.person ? { person: d.person } : {}),
    }),
  'offer-help': (deps, d) =>
    offerHelp(deps, {
      actor: d.actor,
      cardId: d.card,
      list: d.list === 'true',
      ...(d.child ? { child: d.child } : {}),
    }),
  'digest-not-seen': (deps, d) => showDigest(deps, { actor: d.actor, cardId: d.card, list: true }),
  'digest-back': (deps, d) => showDigest(deps, { actor: d.actor, cardId: d.card, list: false }),
};

const verbOf = (context: TurnContext) =>
  (context.activity.value as { action?: { verb?: string } } | undefined)?.action?.verb ?? '';

function route<D>(
  app: Application,
  deps: Deps,
  verbs: Record<string, Handler<D>>,
  schema: z.ZodType<D>,
): void {
  app.adaptiveCards.actionExecute(Object.keys(verbs), async (context, _state, raw) => {
    const handler = verbs[verbOf(context)];
    const parsed = schema.safeParse(raw);
    if (!handler || !parsed.success) return refusalCard('something-wrong');
    const outcome = await handler(deps, { ...parsed.data, actor: await speaker(deps, context) });
    return outcomeCard(deps, outcome);
  });
}

export function registerCardActions(app: Application, deps: Deps): void {
  route(app, deps, MORNING_VERBS, morningData);
  route(app, deps, DIGEST_VERBS, digestData);
  app.adaptiveCards.actionExecute('save-settings', async (context, _state, data) => {
    const person = await speaker(deps, context);
    if (!person) return refusalCard('unknown-person');
    return saveSettingsFromCard(deps, person, data);
  });
  // A button Hearth does not know (an old card, a changed template): a polite answer, not a 501.
  app.adaptiveCards.actionExecute(/.*/, () => Promise.resolve(refusalCard('something-wrong')));
}
