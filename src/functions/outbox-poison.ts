/** Azure Functions registration: the watcher on the outbox's poison queue. */
import { register } from './hearth';

register('outbox-poison');
