/**
 * Timer, every 15 minutes (UTC): plans the morning cards and timely nudges of everyone whose local
 * morning time has come, into the outbox and onto the send queue.
 */
import { runPlanner } from '../../delivery/plan-run';
import type { TimerFunction } from '../function-types';
import { services } from '../services';

export const planMorningsFunction: TimerFunction = {
  kind: 'timer',
  name: 'plan-mornings',
  schedule: '0 */15 * * * *',
  async handler(_timer, context) {
    const { store, queues, config, now } = await services();
    const result = await runPlanner(store, queues, config, now());
    context.log('plan-mornings: done', result);
  },
};
