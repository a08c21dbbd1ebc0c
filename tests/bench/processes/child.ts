/**
 * Child processes for the multi-process benchmarks and tests: each is a compiled script in this
 * folder, forked with an IPC channel, that says `{ ready: ... }` when it is up and answers
 * messages. Killing one is a real SIGKILL of a real process.
 */
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { join, sep } from 'node:path';

/** The compiled scripts: here when running compiled (the benchmarks), under dist/ from jest. */
const COMPILED = __dirname.includes(`${sep}dist${sep}`)
  ? __dirname
  : join(__dirname, '../../../dist/tests/bench/processes');

export interface Child<Ready> {
  process: ChildProcess;
  ready: Ready;
  /** The next message the child sends that passes `matches`. */
  next<T>(matches: (message: unknown) => message is T): Promise<T>;
  send(message: unknown): void;
  kill(): Promise<void>;
  /** Resolves true once the child has ended by itself, false after `ms`. */
  ended(ms: number): Promise<boolean>;
}

/** Forks `dist/tests/bench/processes/<name>.js` and waits for it to say it is ready. */
export async function startChild<Ready>(name: string, env: Record<string, string>): Promise<Child<Ready>> {
  const profile = process.env.HEARTH_BENCH_PROFILE_DIR;
  const child = fork(join(COMPILED, `${name}.js`), [], {
    env: { ...process.env, ...env },
    // `HEARTH_BENCH_PROFILE_DIR=...`: each child writes a CPU profile there when it ends.
    execArgv: profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const inbox: unknown[] = [];
  const waiting: { matches(m: unknown): boolean; resolve(m: unknown): void }[] = [];
  child.on('message', (message) => {
    const i = waiting.findIndex((w) => w.matches(message));
    if (i >= 0) waiting.splice(i, 1)[0]?.resolve(message);
    else inbox.push(message);
  });
  const next = <T>(matches: (message: unknown) => message is T) =>
    new Promise<T>((resolve, reject) => {
      const i = inbox.findIndex(matches);
      if (i >= 0) return resolve(inbox.splice(i, 1)[0] as T);
      waiting.push({ matches, resolve: resolve });
      child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before answering`)));
    });
  const { ready } = await next(
    (m): m is { ready: Ready } => typeof m === 'object' && m !== null && 'ready' in m,
  );
  return {
    process: child,
    ready,
    next,
    send: (message) => {
      // A child that was killed hears nothing more.
      if (child.connected) child.send(message as object);
    },
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
    ended: (ms) =>
      new Promise<boolean>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
        const timer = setTimeout(() => resolve(false), ms);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve(true);
        });
      }),
  };
}

/** In a child: say something to the parent. */
export function tell(message: unknown): void {
  process.send?.(message);
}

/** In a child: wait for a message from the parent that passes `matches`. */
export function hear<T>(matches: (message: unknown) => message is T): Promise<T> {
  return new Promise((resolve) => {
    const listen = (message: unknown) => {
      if (!matches(message)) return;
      process.off('message', listen);
      resolve(message);
    };
    process.on('message', listen);
  });
}

/** In a child: end when the parent goes, so nothing is left running. */
export function endWithParent(): void {
  process.on('disconnect', () => process.exit(0));
}
