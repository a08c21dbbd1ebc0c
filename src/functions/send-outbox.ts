/** Azure Functions registration: the queue-triggered sender. */
import { registerWithAzure } from '../app/azure-register';
import { sendOutboxFunction } from '../app/handlers/send-outbox';

registerWithAzure(sendOutboxFunction);
