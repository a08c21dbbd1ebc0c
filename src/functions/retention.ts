/** Azure Functions registration: the daily retention sweep. */
import { register } from './hearth';

register('retention');
