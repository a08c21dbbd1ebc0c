/** How the browser tests find Chromium, and what they say when there is none. */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../../support/browser';

/** A folder holding executables with these names. */
function binDir(...names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bin-'));
  for (const name of names) {
    writeFileSync(join(dir, name), '#!/bin/sh\n');
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

describe('findChromium', () => {
  it.each([['chromium'], ['chromium-browser'], ['google-chrome']])('finds %s on the PATH', (name) => {
    const dir = binDir(name);
    expect(findChromium({ PATH: `/nowhere:${dir}` })).toBe(join(dir, name));
  });

  it('prefers chromium when there are several', () => {
    const dir = binDir('google-chrome', 'chromium');
    expect(findChromium({ PATH: dir })).toBe(join(dir, 'chromium'));
  });

  it('uses HEARTH_CHROMIUM over the PATH', () => {
    const chosen = join(binDir('my-chrome'), 'my-chrome');
    expect(findChromium({ PATH: binDir('chromium'), HEARTH_CHROMIUM: chosen })).toBe(chosen);
  });

  it('skips a file of that name that is not a program', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-bin-'));
    writeFileSync(join(dir, 'chromium'), 'not a program');
    expect(() => findChromium({ PATH: dir })).toThrow(/none of chromium, chromium-browser, google-chrome/);
  });

  it('says what to install when there is none', () => {
    expect(() => findChromium({ PATH: binDir() })).toThrow(
      'The browser tests need Chromium, and none of chromium, chromium-browser, google-chrome is on the PATH. ' +
        'Install it (Debian or Ubuntu: sudo apt-get install chromium; elsewhere, Chromium or Google Chrome), ' +
        'or set HEARTH_CHROMIUM to the path of the browser.',
    );
  });

  it('says when HEARTH_CHROMIUM points at nothing', () => {
    expect(() => findChromium({ PATH: binDir('chromium'), HEARTH_CHROMIUM: '/no/such/chrome' })).toThrow(
      'HEARTH_CHROMIUM is set to /no/such/chrome, which is not a program this user can run.',
    );
  });
});
