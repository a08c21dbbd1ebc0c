/** Azure Functions registration: the watcher on the outbox's poison queue. */
import { registerWithAzure } from '../app/azure-register';
import { outboxPoisonFunction } from '../app/handlers/outbox-poison';

registerWithAzure(outboxPoisonFunction);
