/** Azure Functions registration: the queue-triggered sender. */
import { register } from './hearth';

register('send-outbox');
