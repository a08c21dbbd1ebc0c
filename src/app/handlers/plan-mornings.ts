/**
 * Timer, every 15 minutes (UTC): plans the morning cards and timely nudges of everyone whose local
 * morning time has come, into the outbox and onto the send queue.
 */
import { planMornings } from '../../services/plan-mornings';
import type { TimerFunction } from '../function-types';
import type { ServicesProvider } from '../root';

export function planMorningsFunction(services: ServicesProvider): TimerFunction {
  return {
    kind: 'timer',
    name: 'plan-mornings',
    schedule: '0 */15 * * * *',
    async handler(_timer, context) {
      const s = await services();
      const result = await planMornings(s, s.now());
      // By id only; the admins also see each in the activity log.
      for (const skipped of result.skipped) context.warn('plan-mornings: left out', skipped);
      context.log('plan-mornings: done', { ...result, skipped: result.skipped.length });
    },
  };
}
