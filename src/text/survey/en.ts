/**
 * The family feedback pages in English. English defines the keys every other language must have.
 * Placeholders in braces are filled in by the pages: {council}, {phone}, {max}, {length},
 * {number}, {total}. Never promise secrecy: staff read every answer and may share it to keep
 * someone safe (DOMAIN.md section 4).
 */
import type { SurveyCatalogue } from './types';

export const enMessages = {
  'site.serviceName': 'Tell us what you think',
  'site.skipLink': 'Skip to main content',
  'site.languageNav': 'Choose a language',
  'site.back': 'Back',
  'site.continue': 'Continue',
  'site.errorPrefix': 'Error:',
  'site.errorSummaryTitle': 'There is a problem',
  'site.progress': 'Question {number} of {total}',
  'site.textHint': 'You can leave this blank. You can write up to {max} characters.',
  'site.footer': 'This service is run by {council}.',

  'safety.title': 'If you need help now',
  'safety.danger': 'If you or someone else is in danger now, call {phone}.',
  'safety.childline': 'Children and young people can call Childline for free on {phone}.',
  'safety.nspcc': 'Adults worried about a child can call the NSPCC on {phone}.',
  'safety.frontDoor': 'To talk to {council} children’s services, call {phone}.',
  'safety.outOfHours': 'In the evening, at weekends and on bank holidays, call {phone}.',
  'safety.notWatched':
    'We may not read your answers straight away. If you need help now, call one of the numbers below.',

  'start.title.parent': 'Tell us about your experience of our service',
  'start.title.young-person': 'Tell us what you think about the help you get',
  'start.title.child': 'Tell us what you think',
  'start.intro.parent':
    'Your answers help {council} make our work with families better. It takes about 5 minutes.',
  'start.intro.young-person':
    'Your answers help us get better at helping young people. It takes about 5 minutes.',
  'start.intro.child':
    'We want to know what you think about the help you get. There are only a few questions.',
  'start.whoReadsTitle': 'Who will read your answers',
  'start.whoReads.parent': 'Your worker and the team working with your family will read every answer.',
  'start.whoReads.young-person': 'Your worker and their team will read everything you tell us.',
  'start.whoReads.child': 'Your worker and their team will read everything you tell us.',
  'start.mayShare.parent':
    'If something you tell us makes us worried about anyone’s safety, we may share it with people who can help keep them safe.',
  'start.mayShare.young-person':
    'If you tell us something that makes us worried about you or someone else, we may tell people who can help keep you safe.',
  'start.mayShare.child':
    'If you tell us something that worries us, we may tell people who can help keep you safe.',
  'start.readTogether': 'You can ask a grown-up you trust to read the questions with you.',
  'start.button': 'Start now',

  'q.parent.overall': 'Overall, how was your experience of our service?',
  'q.parent.listened': 'Did your worker listen to you?',
  'q.parent.explained': 'Were things explained in a way you understood?',
  'q.parent.fair': 'Were you treated fairly and with respect?',
  'q.parent.next': 'Do you know what happens next?',
  'q.parent.good': 'What is working well?',
  'q.parent.better': 'What could be better?',
  'q.parent.share': 'Can we share your words?',
  'q.young-person.overall': 'Overall, how has the help from us been?',
  'q.young-person.listened': 'Does your worker listen to you?',
  'q.young-person.explained': 'Does your worker explain things so you understand?',
  'q.young-person.fair': 'Are you treated fairly and with respect?',
  'q.young-person.next': 'Do you know what will happen next?',
  'q.young-person.unsafe': 'Is anything making you feel unsafe?',
  'q.young-person.good': 'What is going well?',
  'q.young-person.better': 'What could be better?',
  'q.young-person.share': 'Can we share your words?',
  'q.child.overall': 'How do you feel about the help you get?',
  'q.child.listened': 'Does your worker listen to you?',
  'q.child.explained': 'Do you understand what your worker tells you?',
  'q.child.unsafe': 'Is anything making you feel unsafe?',
  'q.child.tell': 'Is there anything else you want to tell us?',
  'q.child.share': 'Can we share what you wrote?',

  'hint.good': 'For example, something your worker did that helped.',
  'hint.better': 'For example, something we could do differently.',
  'hint.tell': 'You can write as much or as little as you like.',
  'hint.unsafe': 'If you say yes or not sure, someone from the team will get in touch to help.',
  'hint.share':
    'Staff read every answer anyway. Ticking this means we can also use your words, without your name, when we talk about making our service better.',
  'consent.label': 'You can share my words with the team without my name',

  'opt.fft.very-good': 'Very good',
  'opt.fft.good': 'Good',
  'opt.fft.neither': 'Neither good nor poor',
  'opt.fft.poor': 'Poor',
  'opt.fft.very-poor': 'Very poor',
  'opt.fft.dont-know': 'Don’t know',
  'opt.yes-partly-no.yes': 'Yes',
  'opt.yes-partly-no.partly': 'Partly',
  'opt.yes-partly-no.no': 'No',
  'opt.yes-partly-no.dont-know': 'Don’t know',
  'opt.unsafe.yes': 'Yes',
  'opt.unsafe.no': 'No',
  'opt.unsafe.not-sure': 'I’m not sure',
  'opt.child-feel.good': 'Good',
  'opt.child-feel.ok': 'OK',
  'opt.child-feel.not-good': 'Not good',
  'opt.child-feel.dont-know': 'I don’t know',
  'opt.child-yes-no.yes': 'Yes',
  'opt.child-yes-no.a-bit': 'A bit',
  'opt.child-yes-no.no': 'No',
  'opt.child-yes-no.dont-know': 'I don’t know',
  'face.smile': 'Smiling face',
  'face.straight': 'Face with a straight mouth',
  'face.frown': 'Sad face',
  'face.unsure': 'Face that is not sure',

  'error.choose': 'Choose an answer',
  'error.tooLong':
    'Your answer can be up to {max} characters. It is {length} characters now: please make it shorter.',
  'error.answerFirst': 'Answer this question before you send your answers',

  'check.title': 'Check your answers before sending them',
  'check.change': 'Change',
  'check.notAnswered': 'Not answered',
  'check.consentYes': 'Yes, you can share my words without my name',
  'check.consentNo': 'No',
  'check.sendTitle': 'Now send your answers',
  'check.sendText': 'When you send your answers, your worker and their team will read them.',
  'check.send': 'Send answers',

  'thanks.title': 'Your answers have been sent',
  'thanks.body.parent':
    'Thank you for taking the time to tell us. Your worker and their team will read your answers.',
  'thanks.body.young-person': 'Thank you for telling us. Your worker and their team will read your answers.',
  'thanks.body.child': 'Thank you for telling us what you think.',
  'thanks.worry':
    'Something you told us means we want to check you are OK. Someone from the team will be in touch soon.',

  'closed.title': 'This link is closed',
  'closed.answered': 'If you have already sent your answers, thank you: they have reached the team.',
  'closed.newLink': 'If you still want to tell us something, ask your worker for a new link.',

  'retry.title': 'Please try that again',
  'retry.body': 'For your safety, pages stop working after a while. Your other answers are saved.',
  'retry.link': 'Go back to the question',

  'busy.title': 'Please wait a moment',
  'busy.body': 'There have been a lot of tries in a short time. Wait a minute, then try again.',
  'tooLarge.title': 'That was too much to send at once',
  'tooLarge.body': 'Please go back, make your answer shorter and try again.',
} as const;

export type MessageKey = keyof typeof enMessages;

export const en: SurveyCatalogue<MessageKey> = {
  language: 'en',
  name: 'English',
  dir: 'ltr',
  checkedBy: 'Hearth team (English is the source language)',
  messages: enMessages,
};
