/**
 * What a Hearth function is, independent of who hosts it. Azure Functions registers these
 * (src/functions/) and the local host serves the very same objects (src/local/).
 */
import type { HttpRequest, HttpResponseInit, InvocationContext, Timer } from '@azure/functions';

export interface HttpFunction {
  kind: 'http';
  name: string;
  /** Route under /api, as in Azure Functions. */
  route: string;
  methods: ('GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH')[];
  handler: (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;
}

export interface TimerFunction {
  kind: 'timer';
  name: string;
  /** NCRONTAB with seconds, evaluated in UTC as on a Linux plan. */
  schedule: string;
  handler: (timer: Timer, context: InvocationContext) => Promise<void>;
}

export interface QueueFunction {
  kind: 'queue';
  name: string;
  queueName: string;
  handler: (message: unknown, context: InvocationContext) => Promise<void>;
}

export type HearthFunction = HttpFunction | TimerFunction | QueueFunction;
