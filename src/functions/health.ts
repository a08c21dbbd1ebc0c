/** Azure Functions registration: GET /api/health. */
import { registerWithAzure } from '../app/azure-register';
import { healthFunction } from '../app/handlers/health';

registerWithAzure(healthFunction);
