/**
 * Every sentence the bot says in chat, and the previews of the cards it sends in reply. Chat
 * messages are markdown too: names are escaped here.
 */
import { escapeCardText } from '../escape';

export const REPLIES = {
  welcome: (firstName: string) =>
    `Hello ${escapeCardText(firstName)}, I'm Hearth. Each working morning I'll send you one card about the children you work with: who to see today, what is coming up, and who has not been seen yet. Type help to see what else I can do.`,
  welcomeLeader: (firstName: string) =>
    `Hello ${escapeCardText(firstName)}, I'm Hearth. Each Monday morning I'll send you your team's week: what went well, the children not seen yet and why, and what is coming up. Type digest to see it now, or help for more.`,
  unknownPerson:
    "Hello, I'm Hearth. I don't have you on my list yet, so I can't send you anything. Please ask your team manager or your Hearth service admin to add you. I've let the admins know you tried.",
  help: [
    "Here's what you can ask me:",
    "- **today**: today's card again",
    '- **my week**: the children you work with, and what is due for them this week',
    '- **settings**: your morning time, working days, quiet hours and leave',
    '- **pause**: stop my messages for now',
    '- **resume**: start them again',
    '- **digest**: your team digest now (for team managers)',
    '- **help**: this list',
  ].join('\n'),
  paused: "I've paused your messages. Type resume when you'd like them again.",
  resumed: "Welcome back. I'll send your morning card on your next working day.",
  alreadyPaused: 'Your messages are already paused. Type resume to start them again.',
  notPaused: "Your messages are on. Type pause if you'd like a break.",
  cardAt: (time: string) =>
    `Your card for today comes at ${time}. Type my week to see what is due for your children now.`,
  cardOnItsWay:
    'Your card for today is on its way: it comes within 15 minutes of your morning time. Type my week to see what is due now.',
  noCardNotWorking:
    "There's no card today, as it isn't one of your working days. Type my week to see what is due for your children.",
  noCardOnLeave: "You're on leave today, so there's no card. Enjoy your time away.",
  noCardPaused: 'Your messages are paused, so there is no card today. Type resume to start them again.',
  notAPractitioner:
    "Morning cards are for practitioners, about the children they work with. If that's you, ask your Hearth service admin to check your role.",
  todayForLeader:
    "I send team managers their team's week on Monday mornings, rather than a daily card. Type digest to see it now, or my week for this week so far.",
  settingsSaved: 'Saved. Your new settings apply from your next morning card.',
  settingsNotSaved: (problem: string) =>
    `Nothing was saved. ${problem} Change it below and press Save again.`,
  personalChatOnly:
    'I only talk about children in our 1:1 chat. Open a chat with Hearth to see your card there, or type help.',
  installedInGroup:
    "Hello, I'm Hearth. I only talk about children in our 1:1 chat, so I won't post about them here. Each of you can chat with me on your own.",
  notYourCard: "This card is for someone else, so I haven't changed anything.",
  cardGone: "I can't find this card any more. Your next morning card will have the latest picture.",
  digestOnItsWay: 'Your team digest is on its way.',
  notALeader:
    'The team digest is for team managers and heads of service. Your manager can share it with you.',
  notYourTeam: "This digest is for a team you don't manage now, so I haven't done anything.",
  somethingWrong:
    'Sorry, something went wrong on my side and nothing was changed. Please try again in a minute.',
} as const;

/** Answers to a card button that change nothing, by the reason a use case gives. */
export const REFUSALS = {
  'not-your-card': REPLIES.notYourCard,
  'card-gone': REPLIES.cardGone,
  'not-your-team': REPLIES.notYourTeam,
  'unknown-person': REPLIES.unknownPerson,
  'something-wrong': REPLIES.somethingWrong,
} as const;
export type Refusal = keyof typeof REFUSALS;

export const PREVIEWS = {
  myWeek: 'Your week with your children',
  settings: 'Your Hearth settings',
} as const;
