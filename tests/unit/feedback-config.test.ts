/** The family feedback settings: defaults for a laptop, required where families depend on them. */
import { ConfigError, contrastWithWhite, loadConfig } from '../../src/config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('feedback settings', () => {
  it('defaults everything in local mode, with numbers that ring nobody', () => {
    expect(loadConfig({ HEARTH_MODE: 'local' }).feedback).toEqual({
      councilName: 'Riverside Borough Council (demo)',
      brandColour: '#00566e',
      frontDoorPhone: '01632 960 001',
      outOfHoursPhone: '01632 960 002',
      csrfSecret: expect.any(String),
      linkLifetimeDays: 14,
      publicBaseUrl: 'http://localhost:7071',
    });
  });

  it('falls back to the App Service host name for the public address', () => {
    expect(
      loadConfig({ HEARTH_MODE: 'local', WEBSITE_HOSTNAME: 'func-x.azurewebsites.net' }).feedback
        .publicBaseUrl,
    ).toBe('https://func-x.azurewebsites.net');
  });

  it.each([
    ['HEARTH_BRAND_COLOUR', 'teal', 'HEARTH_BRAND_COLOUR: must be a colour like #00566e'],
    ['HEARTH_BRAND_COLOUR', '#ffdd00', 'HEARTH_BRAND_COLOUR: white text on #ffdd00 is too hard to read'],
    [
      'HEARTH_FRONT_DOOR_PHONE',
      'call us',
      'HEARTH_FRONT_DOOR_PHONE: must be a phone number like 0300 123 4567',
    ],
    ['HEARTH_FEEDBACK_LINK_DAYS', '365', 'HEARTH_FEEDBACK_LINK_DAYS: must be at most 90'],
    ['HEARTH_FEEDBACK_LINK_DAYS', '0', 'HEARTH_FEEDBACK_LINK_DAYS: must be at least 1'],
    [
      'HEARTH_PUBLIC_BASE_URL',
      'ftp://x',
      'HEARTH_PUBLIC_BASE_URL: must be a URL like https://hearth.example.gov.uk',
    ],
  ])('rejects %s=%s', (name, value, message) => {
    expect(problemsOf({ HEARTH_MODE: 'local', [name]: value }).join('\n')).toContain(message);
  });

  it('needs a long CSRF secret and an https address in production', () => {
    const problems = problemsOf({
      HEARTH_FEEDBACK_CSRF_SECRET: 'short',
      HEARTH_PUBLIC_BASE_URL: 'http://x.example',
    });
    expect(problems).toContain('HEARTH_FEEDBACK_CSRF_SECRET: must be at least 32 characters');
    expect(problems).toContain('HEARTH_PUBLIC_BASE_URL: must be https in production');
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5);
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1, 5);
    expect(contrastWithWhite('#00566e')).toBeGreaterThan(7);
  });
});
