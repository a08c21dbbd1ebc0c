/** Azure Functions registration: POST /api/messages, the Teams bot. */
import { registerWithAzure } from '../app/azure-register';
import { messagesFunction } from '../app/handlers/messages';

registerWithAzure(messagesFunction);
