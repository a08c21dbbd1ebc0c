/**
 * Parsers for command-line values, each with a message saying what a good one looks like.
 */
import { InvalidArgumentError } from 'commander';
import { isoWeekMonday } from '../domain/dates';
import { isoDateSchema } from '../domain/schemas';
import { parseAt } from './plan-command';

export function atArgument(value: string): Date {
  const at = parseAt(value);
  if (!at) throw new InvalidArgumentError('must be a London date and time like 2026-12-01T08:30');
  return at;
}

/** An ISO week id, returned as its Monday. */
export function weekArgument(value: string): string {
  const monday = isoWeekMonday(value);
  if (!monday) throw new InvalidArgumentError('must be an ISO week like 2026-W49');
  return monday;
}

export function isoDateArgument(value: string): string {
  const parsed = isoDateSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError('must be a date like 2026-12-01');
  return parsed.data;
}
