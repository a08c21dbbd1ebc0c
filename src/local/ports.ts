/**
 * Busy ports, said plainly: `npm start` checks its ports before starting anything, and a port
 * another program holds is named with the setting that changes it, never a stack trace. The
 * Agents Playground would quietly move to another port; Hearth refuses instead, so the address it
 * prints is the one in use.
 */
import { createServer } from 'node:net';

export class PortInUseError extends Error {
  override name = 'PortInUseError';
  constructor(
    readonly port: number,
    readonly what: string,
    readonly setting: string,
    extra = '',
  ) {
    super(
      `Port ${port} is in use by another program, so ${what} cannot listen on it. Stop that program, ` +
        `or choose another port, for example: ${setting}=${port + 1} npm start${extra}`,
    );
  }
}

/** Whether something already listens on `port` (0 is never busy: the system picks a free one). */
export function portInUse(port: number, host?: string): Promise<boolean> {
  if (port === 0) return Promise.resolve(false);
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'EADDRINUSE'));
    probe.listen({ port, ...(host ? { host } : {}), exclusive: true }, () =>
      probe.close(() => resolve(false)),
    );
  });
}

export const hearthPortInUse = (port: number) => new PortInUseError(port, 'Hearth', 'HEARTH_PORT');

export const playgroundPortInUse = (port: number) =>
  new PortInUseError(
    port,
    'the Agents Playground',
    'HEARTH_PLAYGROUND_PORT',
    ' (or HEARTH_PLAYGROUND=false npm start to run without it)',
  );

/** Whether an error is the operating system saying a port is taken. */
export const isAddressInUse = (error: unknown): error is NodeJS.ErrnoException & { port?: number } =>
  error instanceof Error && (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
