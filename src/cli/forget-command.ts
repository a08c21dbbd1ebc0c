/**
 * `hearth forget --child <id>`: removes what Hearth holds about one child now (an erasure request,
 * or a child who should never have been sent), prints what was removed in counts and ids, and
 * writes one id-only line to the activity log. The case management system stays the record.
 */
/* eslint-disable no-console -- a terminal program: printing is its job */
import type { Command } from 'commander';
import type { StoreConnection } from './connect';
import type { ForgetReport } from '../services/forget-child';
import { forgetChild } from '../services/forget-child';

/** The lines `forget` prints: counts, then the ids, so an admin can keep a record of the request. */
export function describeForgetting(r: ForgetReport): string[] {
  const total =
    r.children.length +
    r.events.length +
    r.outbox.length +
    r.audits.length +
    r.feedbackLinks.length +
    r.feedbackUnlinked.length;
  if (total === 0 && r.outboxInFlight.length === 0) {
    return [`Hearth held nothing about child ${r.childId}; nothing was removed.`];
  }
  const line = (label: string, ids: string[]) =>
    `${label}: ${ids.length}${ids.length ? ` (${ids.join(', ')})` : ''}`;
  return [
    `Removed what Hearth held about child ${r.childId}:`,
    line(
      '  child records',
      r.children.map((c) => `${c.id} in ${c.teamId}`),
    ),
    line('  events', r.events),
    line('  outbox messages', r.outbox),
    line('  audits with personal details removed', r.audits),
    line('  feedback links', r.feedbackLinks),
    line('  feedback no longer tied to the child', r.feedbackUnlinked),
    ...(r.outboxInFlight.length
      ? [line('  outbox messages being sent now, left to expire', r.outboxInFlight)]
      : []),
    'One line was written to the activity log (ids only).',
  ];
}

export function registerForgetCommand(
  program: Command,
  connect: (local: boolean) => Promise<Pick<StoreConnection, 'store' | 'now' | 'dispose'>>,
): void {
  program
    .command('forget')
    .description(
      'Remove what Hearth holds about a child now, and say what was removed. The case system is untouched.',
    )
    .requiredOption('--child <id>', "the child's case number, as the feed sends it")
    .option('--local', 'use Hearth running locally with npm start', false)
    .action(async (opts: { child: string; local: boolean }) => {
      const services = await connect(opts.local);
      try {
        const report = await forgetChild(
          { store: services.store, now: services.now(), actor: 'cli' },
          opts.child,
        );
        for (const line of describeForgetting(report)) console.log(line);
      } finally {
        services.dispose();
      }
    });
}
