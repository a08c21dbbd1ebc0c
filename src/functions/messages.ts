/** Azure Functions registration: POST /api/messages, the Teams bot. */
import { register } from './hearth';

register('messages');
