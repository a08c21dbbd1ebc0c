/**
 * Every sentence the bot says in chat, in one place so the language check can see them all.
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

/** What a manager's kind words say. The preview never names a child. */
export const WORDS = {
  thanksTitle: (from: string) => `A thank-you from ${from}`,
  thanksText: (from: string, strength: string, week: string) =>
    `${from} read your team's week of ${week} and wanted to say thank you: ${strength} Because of you, those children were seen and heard.`,
  thanksPreview: 'A thank-you from your manager',
  helpTitle: (from: string) => `${from} would like to help`,
  helpText: (from: string, child: string) =>
    `${from} saw that ${child} has not been seen yet and would like to help. What would make ${child}'s visit easier? Reply to ${from} here in Teams, or ask for some time together this week.`,
  helpPreview: 'Your manager would like to help',
  thanked: (name: string) => `Thank-you sent to ${name}.`,
  helpOffered: (name: string) => `You offered ${name} your help.`,
} as const;

export const PREVIEWS = {
  myWeek: 'Your week with your children',
  settings: 'Your Hearth settings',
} as const;
