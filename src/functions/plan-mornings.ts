/** Azure Functions registration: the planner timer, every 15 minutes. */
import { register } from './hearth';

register('plan-mornings');
