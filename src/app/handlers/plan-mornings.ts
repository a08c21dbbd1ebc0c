/**
 * Timer, every 15 minutes (UTC): plans the morning cards and timely nudges of everyone whose local
 * morning time has come, into the outbox and onto the send queue; then sweeps the outbox for
 * unsent messages nothing will bring back (queued again) or whose day has passed (marked stale).
 */
import { planMornings } from '../../services/plan-mornings';
import { sweepOutbox } from '../../services/sweep-outbox';
import type { TimerFunction } from '../function-types';
import type { ServicesProvider } from '../root';
import { deliveryLog } from './send-outbox';

export function planMorningsFunction(services: ServicesProvider): TimerFunction {
  return {
    kind: 'timer',
    name: 'plan-mornings',
    schedule: '0 */15 * * * *',
    async handler(_timer, context) {
      const s = await services();
      const planned = await planMornings(s, s.now());
      // By id only; the admins also see each in the activity log.
      for (const skipped of planned.skipped) context.warn('plan-mornings: left out', skipped);
      const swept = await sweepOutbox(s, s.now(), deliveryLog(context));
      context.log('plan-mornings: done', { ...planned, skipped: planned.skipped.length, ...swept });
    },
  };
}
