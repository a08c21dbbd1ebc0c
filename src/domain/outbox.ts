/**
 * The outbox: one document per planned message to anyone (a practitioner's morning card or nudge,
 * a manager's digest, a note from one person to another), under a deterministic id so planning twice
 * never sends twice. Messages hold facts, not words: the card is worded when it is rendered.
 */
import type { TeamDigest } from './digest';
import type { RollUp } from './digest-access';
import type { BundleItem, DayContext, MorningBundle, Nudge } from './planner';
import type { DateRange, IsoDate, NotSeenReason } from './types';

/**
 * `pending` waits for its next try; `sending` is claimed by one sender; `sent` reached Teams;
 * `failed` was refused by Teams for what it is (400, 413) and will never be taken; `unreachable`
 * is for someone without Hearth in Teams; `stale` was still not delivered when its day had passed.
 */
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'unreachable', 'stale'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Statuses after which nothing more is tried. */
export const SETTLED_STATUSES: ReadonlySet<OutboxStatus> = new Set([
  'sent',
  'failed',
  'unreachable',
  'stale',
]);

export const MESSAGE_KINDS = ['morning', 'nudge', 'digest', 'rollup', 'note'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** A note from one person to another, or about someone away. */
export type Note =
  | { kind: 'thanks'; from: string; weekStart: IsoDate; due: number }
  | { kind: 'help'; from: string; childId: string; childName: string }
  | ({ kind: 'cover'; awayName: string; leave: DateRange; items: BundleItem[] } & DayContext);

/** What someone did from a card, kept on the message so the card shows it in place. */
export type CardUpdate =
  | { kind: 'seen'; on: IsoDate; alone: boolean }
  /** Something other than a visit (a meeting, an assessment) recorded as done. */
  | { kind: 'done'; on: IsoDate }
  | { kind: 'booked'; for: IsoDate }
  | { kind: 'not-seen'; reason: NotSeenReason; withNote?: boolean }
  | { kind: 'snoozed'; until: IsoDate }
  /** Recorded elsewhere since the card was made: a visit seen or a meeting done, or a booking. */
  | { kind: 'already-done'; on: IsoDate; visit: boolean }
  | { kind: 'already-booked'; for: IsoDate }
  /** Shown once, to a second press on an item: what the first one recorded. Never stored. */
  | { kind: 'already-recorded'; update: CardUpdate }
  | { kind: 'thanked'; name: string }
  | { kind: 'help-offered'; name: string }
  /** A note Hearth could not send, because it cannot reach the person in Teams. */
  | { kind: 'not-sent'; name: string; note: 'thanks' | 'help'; why: 'not-installed' | 'unreachable' };

export interface OutboxMessage {
  id: string;
  /** Who it is for: a practitioner, a manager, a head of service. */
  recipientId: string;
  /** The recipient's team (where they are stored). */
  teamId: string;
  /** London date the message belongs to. */
  date: IsoDate;
  kind: MessageKind;
  status: OutboxStatus;
  attempts: number;
  /** A short reason, never message content. */
  lastError?: string;
  createdAt: string;
  /** When it should go (nudges wait for their time). */
  sendAt: string;
  sendingSince?: string;
  /** When the next try is due after one was put off; a message whose queue entry was lost is found by it. */
  nextTryAt?: string;
  /**
   * A try may have reached Teams without Hearth hearing back (an answer lost, or a sender stopped
   * mid-send): if it is sent now, the person may see it twice.
   */
  mayHaveSent?: boolean;
  sentAt?: string;
  /** The Teams activity id, so the card can be updated in place later. */
  activityId?: string;
  bundle?: MorningBundle;
  nudge?: Nudge;
  digest?: TeamDigest;
  rollup?: { weekStart: IsoDate; view: RollUp };
  note?: Note;
  /** What the recipient did from this card, by item key (or `thank:<id>`, `help:<childId>`). */
  updates?: Record<string, CardUpdate>;
}

type Content = Pick<OutboxMessage, 'bundle' | 'nudge' | 'digest' | 'rollup' | 'note'>;

/** A new message, waiting to be sent at `sendAt`. The one way Hearth makes an outbox message. */
export function outboxMessage(
  fields: { id: string; recipientId: string; teamId: string; date: IsoDate; kind: MessageKind } & Content,
  createdAt: string,
  sendAt: string = createdAt,
): OutboxMessage {
  return { ...fields, status: 'pending', attempts: 0, createdAt, sendAt };
}

/** A message is past its day once the London date is after the day it was for. */
export function isPastItsDay(message: Pick<OutboxMessage, 'date'>, today: IsoDate): boolean {
  return today > message.date;
}

/** The outbox ids of one person's messages are `person:date:kind...`. */
export function ownerOfMessage(id: string, kinds: readonly MessageKind[]): string | undefined {
  return new RegExp(`^(.*):\\d{4}-\\d{2}-\\d{2}:(${kinds.join('|')})(:.*)?$`).exec(id)?.[1];
}
