/** Azure Functions registration: the weekly digest planner. */
import { register } from './hearth';

register('plan-digests');
