/** Azure Functions registration: POST /api/feed. */
import { registerWithAzure } from '../app/azure-register';
import { feedFunction } from '../app/handlers/feed';

registerWithAzure(feedFunction);
