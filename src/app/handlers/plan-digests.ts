/**
 * Timer, every 15 minutes (UTC): on the first working day of the week, plans each manager's team
 * digest (and each head of service's roll-up) once their local morning time has come.
 */
import { runDigests } from '../../delivery/digest-run';
import type { TimerFunction } from '../function-types';
import { services } from '../services';

export const planDigestsFunction: TimerFunction = {
  kind: 'timer',
  name: 'plan-digests',
  schedule: '0 5,20,35,50 * * * *',
  async handler(_timer, context) {
    const { store, queues, config, now } = await services();
    const result = await runDigests(store, queues, config, now());
    context.log('plan-digests: done', result);
  },
};
