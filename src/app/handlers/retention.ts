/**
 * Timer, daily at 02:30 UTC: removes operational data past its retention (where Cosmos DB's
 * time-to-live has not already) and forgets children closed for longer than the set period.
 */
import { runRetention } from '../../services/retention';
import type { TimerFunction } from '../function-types';
import type { ServicesProvider } from '../root';

export function retentionFunction(services: ServicesProvider): TimerFunction {
  return {
    kind: 'timer',
    name: 'retention',
    schedule: '0 30 2 * * *',
    async handler(_timer, context) {
      const s = await services();
      const report = await runRetention({ store: s.store, now: s.now(), retention: s.config.retention });
      context.log('retention: done', {
        expired: report.expired,
        closedFromToday: report.closedFromToday.length,
        forgotten: report.forgotten.map((f) => f.childId),
        skipped: report.skipped,
      });
    },
  };
}
