/**
 * Chat commands in the 1:1 chat: help, pause, resume, today, digest, my week, settings. Anything
 * else gets help, never an error. (Outside the 1:1 chat, bot.ts answers before these run.) Each
 * answer fits the person: a manager's `today` points to their team's week, and their `my week`
 * shows each team they lead.
 */
import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import { renderMyWeekCard, renderSettingsCard } from '../cards/command-cards';
import { outboxActivity } from '../cards/teams-activity';
import { londonDate } from '../domain/dates';
import { teamsVisibleTo } from '../domain/digest-access';
import type { Person } from '../domain/types';
import type { Deps } from '../services/deps';
import { myWeek } from '../services/my-week';
import { setPaused } from '../services/people/pause';
import { planDigests } from '../services/plan-digests';
import type { TodayAnswer } from '../services/todays-card';
import { todaysCard } from '../services/todays-card';
import { PREVIEWS, REPLIES } from '../text/teams/replies';
import { currentSettings } from './settings-input';
import { speaker } from './turn';

type Command = (deps: Deps, context: TurnContext, person: Person) => Promise<void>;

/** Why there is no card today, in words. */
function noCardReply(answer: Exclude<TodayAnswer, { kind: 'card' }>): string {
  if (answer.kind === 'leader') return REPLIES.todayForLeader;
  switch (answer.why) {
    case 'not-a-practitioner':
      return REPLIES.notAPractitioner;
    case 'paused':
      return REPLIES.noCardPaused;
    case 'on-leave':
      return REPLIES.noCardOnLeave;
    case 'not-working':
      return REPLIES.noCardNotWorking;
    case 'later':
      return REPLIES.cardAt(answer.at);
    case 'on-its-way':
      return REPLIES.cardOnItsWay;
  }
}

const PAUSE_REPLIES = {
  paused: REPLIES.paused,
  'already-paused': REPLIES.alreadyPaused,
  resumed: REPLIES.resumed,
  'not-paused': REPLIES.notPaused,
} as const;

const COMMANDS: [RegExp, Command][] = [
  [
    /^\s*pause\s*$/i,
    async (deps, context, person) => {
      await context.sendActivity(PAUSE_REPLIES[await setPaused(deps, person, true)]);
    },
  ],
  [
    /^\s*resume\s*$/i,
    async (deps, context, person) => {
      await context.sendActivity(PAUSE_REPLIES[await setPaused(deps, person, false)]);
    },
  ],
  // Today's morning card again, as a reply: handy after scrolling, and it can be acted on anywhere.
  [
    /^\s*today\s*$/i,
    async (deps, context, person) => {
      const answer = await todaysCard(deps, person);
      if (answer.kind !== 'card') return void (await context.sendActivity(noCardReply(answer)));
      const today = londonDate(deps.now());
      await context.sendActivity(
        outboxActivity(answer.message, person, deps.config.caseRecordUrlTemplate, today),
      );
    },
  ],
  // The team digest now, for a manager: through the outbox, like the Monday one.
  [
    /^\s*digest\s*$/i,
    async (deps, context, person) => {
      if (teamsVisibleTo(person).length === 0) return void (await context.sendActivity(REPLIES.notALeader));
      await planDigests(deps, deps.now(), person);
      await context.sendActivity(REPLIES.digestOnItsWay);
    },
  ],
  [
    /^\s*my\s+week\s*$/i,
    async (deps, context, person) => {
      const card = renderMyWeekCard(await myWeek(deps, person));
      await context.sendActivity({ summary: PREVIEWS.myWeek, attachments: [CardFactory.adaptiveCard(card)] });
    },
  ],
  [
    /^\s*settings\s*$/i,
    async (deps, context, person) => {
      const today = londonDate(deps.now());
      const card = renderSettingsCard(currentSettings(person, today), today);
      await context.sendActivity({
        summary: PREVIEWS.settings,
        attachments: [CardFactory.adaptiveCard(card)],
      });
    },
  ],
];

export function registerCommands(app: Application, deps: Deps): void {
  app.message(/^\s*help\s*$/i, async (context) => {
    await context.sendActivity(REPLIES.help);
  });
  for (const [pattern, command] of COMMANDS) {
    app.message(pattern, async (context) => {
      const person = await speaker(deps, context);
      if (!person) return void (await context.sendActivity(REPLIES.unknownPerson));
      await command(deps, context, person);
    });
  }
  app.activity('message', async (context) => {
    await context.sendActivity(REPLIES.help);
  });
}
