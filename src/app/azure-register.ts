/**
 * Registers a Hearth function with the Azure Functions v4 programming model.
 */
import { app } from '@azure/functions';
import type { HearthFunction } from './function-types';

/** The app setting that names the storage account the queue triggers listen on. */
export const QUEUE_CONNECTION_SETTING = 'AzureWebJobsStorage';

export function registerWithAzure(fn: HearthFunction): void {
  switch (fn.kind) {
    case 'http':
      // Anonymous at the Functions layer: each handler authenticates its own callers (feed key,
      // Bot Framework tokens), so no function key is ever handed to a case management system.
      app.http(fn.name, {
        route: fn.route,
        methods: fn.methods,
        authLevel: 'anonymous',
        handler: fn.handler,
      });
      return;
    case 'timer':
      app.timer(fn.name, { schedule: fn.schedule, handler: fn.handler });
      return;
    case 'queue':
      app.storageQueue(fn.name, {
        queueName: fn.queueName,
        connection: QUEUE_CONNECTION_SETTING,
        handler: fn.handler,
      });
      return;
  }
}
