/**
 * The one way browser tests find and start Chromium: `HEARTH_CHROMIUM` when set, otherwise the
 * first of `chromium`, `chromium-browser` or `google-chrome` on the PATH. When there is none, the
 * message says what to install. Read here, in the tests, never in src (the app needs no browser).
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';

export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome'] as const;

const isProgram = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** The path of the Chromium to use, or an error saying what to install or set. */
export function findChromium(env: Record<string, string | undefined> = process.env): string {
  const chosen = env.HEARTH_CHROMIUM;
  if (chosen) {
    if (isProgram(chosen)) return chosen;
    throw new Error(
      `HEARTH_CHROMIUM is set to ${chosen}, which is not a program this user can run. ` +
        'Point it at Chromium or Google Chrome, or unset it to use one on the PATH.',
    );
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of CHROMIUM_NAMES) {
    for (const dir of dirs) {
      const path = join(dir, name);
      if (isProgram(path)) return path;
    }
  }
  throw new Error(
    `The browser tests need Chromium, and none of ${CHROMIUM_NAMES.join(', ')} is on the PATH. ` +
      'Install it (Debian or Ubuntu: sudo apt-get install chromium; elsewhere, Chromium or Google Chrome), ' +
      'or set HEARTH_CHROMIUM to the path of the browser.',
  );
}

/** Headless Chromium for a test, quiet: no sync, updates or first-run screens. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
