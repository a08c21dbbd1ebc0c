/** Azure Functions registration: GET /api/health. */
import { register } from './hearth';

register('health');
