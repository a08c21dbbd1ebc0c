/** Azure Functions registration: POST /api/feed. */
import { register } from './hearth';

register('feed');
