/** Azure Functions registration: installing Hearth in Teams through Graph (off unless turned on). */
import { registerWithAzure } from '../app/azure-register';
import { installAppsFunction } from '../app/handlers/install-apps';

registerWithAzure(installAppsFunction);
