/** Azure Functions registration: the daily retention sweep. */
import { registerWithAzure } from '../app/azure-register';
import { retentionFunction } from '../app/handlers/retention';

registerWithAzure(retentionFunction);
