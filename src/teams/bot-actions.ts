/**
 * Card buttons (Action.Execute), routed by verb. Each button's data is parsed here, at the edge:
 * which card and item (a bad one changes nothing), then each field the verb uses, on its own, so a
 * bad field brings the same form back saying what to fix. The use case decides; the card it leads
 * to replaces the pressed one. Every press gets a card: a button Hearth does not know (an old card,
 * a changed template), a press outside the 1:1 chat or a fault on our side gets a polite one, never
 * an error.
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
import { openItem, refuseForm, showMorningCard } from '../services/morning-card/open-item';
import { recordBooked } from '../services/morning-card/record-booked';
import { recordDone } from '../services/morning-card/record-done';
import { recordNotSeen } from '../services/morning-card/record-not-seen';
import { snoozeItem } from '../services/morning-card/snooze-item';
import type { FormProblem } from '../text/teams/item-form';
import { REPLIES } from '../text/teams/replies';
import { lineCard, outcomeCard, refusalCard } from './card-views';
import { saveSettingsFromCard } from './settings-input';
import { isPersonal, speaker } from './turn';

const pressed = z.object({
  card: z.string().min(1).max(300),
  // The item's key. Not named `key`: the Playground's card renderer writes to data.key, frozen.
  item: z.string().min(1).max(300).optional(),
});

/** Control characters and direction overrides are not words: they go; the rest is kept as typed. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const note = z
  .string()
  .transform((s) => s.replace(INVISIBLE, ' ').trim())
  .pipe(z.string().refine((s) => Array.from(s).length <= 200));

/** Each field a morning card's form can send, and what to say when it is not right. */
const FIELDS = {
  seenOn: [isoDateSchema, 'not-a-date'],
  doneOn: [isoDateSchema, 'not-a-date'],
  bookedFor: [isoDateSchema, 'not-a-date'],
  seenAlone: [z.enum(['true', 'false']).transform((v) => v === 'true'), 'not-understood'],
  reason: [z.enum(NOT_SEEN_REASON_CODES), 'no-reason'],
  note: [note, 'note-too-long'],
  until: [z.enum(['tomorrow', 'monday']), 'reminder-too-late'],
} as const satisfies Record<string, readonly [z.ZodType, FormProblem]>;
type Field = keyof typeof FIELDS;
type Values = { [F in Field]?: z.output<(typeof FIELDS)[F][0]> };

type Actor = Awaited<ReturnType<typeof speaker>>;
type Press = { actor: Actor; cardId: string; item?: string };
type MorningVerb = { fields: Field[]; run: (deps: Deps, press: Press, v: Values) => Promise<CardOutcome> };

const MORNING_VERBS: Record<string, MorningVerb> = {
  open: { fields: [], run: (deps, p) => openItem(deps, p) },
  back: { fields: [], run: (deps, p) => showMorningCard(deps, p) },
  seen: {
    fields: ['seenOn', 'seenAlone'],
    run: (deps, p, v) =>
      recordDone(deps, { ...p, ...(v.seenOn ? { on: v.seenOn } : {}), seenAlone: v.seenAlone ?? false }),
  },
  done: {
    fields: ['doneOn'],
    run: (deps, p, v) => recordDone(deps, { ...p, ...(v.doneOn ? { on: v.doneOn } : {}) }),
  },
  booked: {
    fields: ['bookedFor'],
    run: (deps, p, v) => recordBooked(deps, { ...p, ...(v.bookedFor ? { bookedFor: v.bookedFor } : {}) }),
  },
  'not-seen': {
    fields: ['reason', 'note'],
    run: (deps, p, v) =>
      v.reason
        ? recordNotSeen(deps, { ...p, reason: v.reason, ...(v.note ? { note: v.note } : {}) })
        : refuseForm(deps, p, 'no-reason', { ...(v.note ? { note: v.note } : {}) }),
  },
  snooze: {
    fields: ['until'],
    run: (deps, p, v) =>
      v.until ? snoozeItem(deps, { ...p, until: v.until }) : refuseForm(deps, p, 'reminder-too-late', {}),
  },
};

/**
 * The fields a verb uses, each parsed on its own. An empty value (an empty date box) is no value.
 * The first bad one is the problem; the good ones are kept, to be given back on the form.
 */
function parseFields(
  fields: Field[],
  raw: Record<string, unknown>,
): { values: Values; problem?: FormProblem } {
  const values: Record<string, unknown> = {};
  let problem: FormProblem | undefined;
  for (const field of fields) {
    const given = raw[field];
    if (given === undefined || given === '') continue;
    const [schema, says] = FIELDS[field];
    const parsed = schema.safeParse(given);
    if (parsed.success) values[field] = parsed.data;
    else problem ??= says;
  }
  return { values, ...(problem ? { problem } : {}) };
}

const digestData = z.object({
  card: z.string().min(1).max(300),
  person: z.string().min(1).max(128).optional(),
  child: z.string().min(1).max(128).optional(),
  list: z.enum(['true']).optional(),
});
type DigestData = z.infer<typeof digestData>;
type DigestHandler = (deps: Deps, data: DigestData & { actor: Actor }) => Promise<CardOutcome>;

const DIGEST_VERBS: Record<string, DigestHandler> = {
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

const asRecord = (raw: unknown): Record<string, unknown> =>
  raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};

async function morningPress(deps: Deps, context: TurnContext, raw: unknown): Promise<CardOutcome> {
  const verb = MORNING_VERBS[verbOf(context)];
  const card = pressed.safeParse(raw);
  if (!verb || !card.success) return { refused: 'something-wrong' };
  const press: Press = {
    actor: await speaker(deps, context),
    cardId: card.data.card,
    ...(card.data.item ? { item: card.data.item } : {}),
  };
  const { values, problem } = parseFields(verb.fields, asRecord(raw));
  if (problem) return refuseForm(deps, press, problem, typedBack(values));
  return verb.run(deps, press, values);
}

/** What was typed, as the form takes it back. */
function typedBack(v: Values) {
  return {
    ...(v.seenOn ? { seenOn: v.seenOn } : {}),
    ...(v.seenAlone !== undefined ? { seenAlone: v.seenAlone } : {}),
    ...(v.doneOn ? { doneOn: v.doneOn } : {}),
    ...(v.bookedFor ? { bookedFor: v.bookedFor } : {}),
    ...(v.reason ? { reason: v.reason } : {}),
    ...(v.note ? { note: v.note } : {}),
  };
}

async function digestPress(deps: Deps, context: TurnContext, raw: unknown): Promise<CardOutcome> {
  const handler = DIGEST_VERBS[verbOf(context)];
  const parsed = digestData.safeParse(raw);
  if (!handler || !parsed.success) return { refused: 'something-wrong' };
  return handler(deps, { ...parsed.data, actor: await speaker(deps, context) });
}

type Answer = (context: TurnContext, raw: unknown) => Promise<ReturnType<typeof refusalCard>>;

/** Every press gets a card: outside the 1:1 chat a polite line, and a fault on our side another. */
function guarded(answer: Answer): (context: TurnContext, state: unknown, raw: unknown) => ReturnType<Answer> {
  return async (context, _state, raw) => {
    if (!isPersonal(context)) return lineCard(REPLIES.personalChatOnly);
    try {
      return await answer(context, raw);
    } catch (error) {
      // Ids and the error's name only: never what was typed.
      console.error('bot: card action failed', {
        verb: verbOf(context).slice(0, 40),
        error: error instanceof Error ? error.name : 'unknown',
      });
      return refusalCard('something-wrong');
    }
  };
}

export function registerCardActions(app: Application, deps: Deps): void {
  app.adaptiveCards.actionExecute(
    Object.keys(MORNING_VERBS),
    guarded(async (context, raw) => outcomeCard(deps, await morningPress(deps, context, raw))),
  );
  app.adaptiveCards.actionExecute(
    Object.keys(DIGEST_VERBS),
    guarded(async (context, raw) => outcomeCard(deps, await digestPress(deps, context, raw))),
  );
  app.adaptiveCards.actionExecute(
    'save-settings',
    guarded(async (context, raw) => {
      const person = await speaker(deps, context);
      if (!person) return refusalCard('unknown-person');
      return saveSettingsFromCard(deps, person, raw);
    }),
  );
  // A button Hearth does not know (an old card, a changed template): a polite answer, not a 501.
  app.adaptiveCards.actionExecute(
    /.*/,
    guarded(() => Promise.resolve(refusalCard('something-wrong'))),
  );
}
