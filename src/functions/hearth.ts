/**
 * Hearth as Azure Functions runs it: every function over one set of services, built from the
 * environment the first time a function runs (and built again if that start failed). The other
 * files here register one function each.
 */
import { registerWithAzure } from '../app/azure-register';
import { createFunctions } from '../app/functions';
import { createServices, lazyServices } from '../app/root';
import { loadConfigFromEnvironment } from '../config';

export const hearthFunctions = createFunctions(
  lazyServices(() => createServices(loadConfigFromEnvironment())),
);

export function register(name: string): void {
  const fn = hearthFunctions.find((f) => f.name === name);
  if (!fn) throw new Error(`no Hearth function called ${name}`);
  registerWithAzure(fn);
}
