/**
 * Timer, daily at 02:30 UTC: removes operational data past its retention (where Cosmos DB's
 * time-to-live has not already) and forgets children closed for longer than the set period.
 */
import { runRetention } from '../../services/retention';
import type { TimerFunction } from '../function-types';
import { services } from '../services';

export const retentionFunction: TimerFunction = {
  kind: 'timer',
  name: 'retention',
  schedule: '0 30 2 * * *',
  async handler(_timer, context) {
    const { store, config, now } = await services();
    const report = await runRetention({ store, now: now(), retention: config.retention });
    context.log('retention: done', {
      expired: report.expired,
      closedFromToday: report.closedFromToday.length,
      forgotten: report.forgotten.map((f) => f.childId),
    });
  },
};
