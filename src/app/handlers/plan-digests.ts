/**
 * Timer, every 15 minutes (UTC): on the first working day of the week, plans each manager's team
 * digest (and each head of service's roll-up) once their local morning time has come.
 */
import { planDigests } from '../../services/plan-digests';
import type { TimerFunction } from '../function-types';
import type { ServicesProvider } from '../root';

export function planDigestsFunction(services: ServicesProvider): TimerFunction {
  return {
    kind: 'timer',
    name: 'plan-digests',
    schedule: '0 5,20,35,50 * * * *',
    async handler(_timer, context) {
      const s = await services();
      const result = await planDigests(s, s.now());
      // By id only; the admins also see each in the activity log.
      for (const skipped of result.skipped) context.warn('plan-digests: left out', skipped);
      context.log('plan-digests: done', { ...result, skipped: result.skipped.length });
    },
  };
}
