/** Azure Functions registration: installing Hearth in Teams through Graph (off unless turned on). */
import { register } from './hearth';

register('install-apps');
