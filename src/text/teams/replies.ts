/**
 * Every sentence the bot says in chat, and the previews of the cards it sends in reply.
 */
export const REPLIES = {
  welcome: (firstName: string) =>
    `Hello ${firstName}, I'm Hearth. Each working morning I'll send you one card about the children you work with: who to see today, what is coming up, and who has not been seen yet. Type help to see what else I can do.`,
  welcomeLeader: (firstName: string) =>
    `Hello ${firstName}, I'm Hearth. Each Monday morning I'll send you your team's week: what went well, the children not seen yet and why, and what is coming up. Type digest to see it now, or help for more.`,
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
  noCardYet: "Your card for today isn't ready yet. It comes at your morning time on your working days.",
  settingsSaved: 'Saved. Your new settings apply from your next morning card.',
  settingsNotSaved: (field: string, problem: string) =>
    `Nothing was saved: ${field} ${problem}. Type settings to try again.`,
  wrongTenant: 'Sorry, this Hearth is for another organisation.',
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
