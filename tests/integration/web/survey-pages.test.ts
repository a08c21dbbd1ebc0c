/**
 * The family pages through the local host, against the real store: a whole journey, what a second
 * visit sees, and headers that keep the link's token from leaking.
 */
import type { SurveyHost } from '../../support/survey';
import { PARENT_ANSWERS, answer, csrfOf, get, postForm, startSurveyHost } from '../../support/survey';

let host: SurveyHost;
beforeAll(async () => {
  host = await startSurveyHost();
});
afterAll(() => host.stop());

describe('a parent answering through their link', () => {
  it('goes from the start page through every question and the check page to a thank-you', async () => {
    const { path, linkId, token } = await host.link('parent', 'en');
    expect(path).toBe(`/api/f/${token}`);
    expect(path.length).toBeLessThan(40);
    expect(`${path}/explained`.length).toBeLessThan(40);

    const start = await get(host, path);
    expect(start.status).toBe(200);
    expect(start.body).toContain('<html lang="en" dir="ltr"');
    expect(start.body).toContain('Your worker and the team working with your family will read every answer.');
    expect(start.body).toMatch(/we may share it with people who can help keep them safe/);
    expect(start.body).toContain(`href="${path}/overall"`);

    for (const [i, [step, fields]] of PARENT_ANSWERS.entries()) {
      const posted = await answer(host, `${path}/${step}`, fields);
      expect(posted.status).toBe(303);
      const next = PARENT_ANSWERS[i + 1]?.[0] ?? 'check';
      expect(posted.location).toBe(`${path}/${next}`);
    }

    const check = await get(host, `${path}/check`);
    expect(check.status).toBe(200);
    expect(check.body).toContain('Check your answers before sending them');
    expect(check.body).toContain('Sam came every week.');
    expect(check.body).toContain('Partly');

    const sent = await postForm(host, `${path}/check`, { csrf: csrfOf(check) });
    expect(sent.status).toBe(200);
    expect(sent.body).toContain('Your answers have been sent');
    expect(sent.body).not.toContain('data-testid="worry"');

    const stored = await host.services.store.feedback.getResponse('team-1', `response-${linkId}`);
    expect(stored).toMatchObject({
      audience: 'parent',
      childId: 'c1',
      practitionerId: 'p1',
      shareWords: true,
      answers: { overall: 'good', good: 'Sam came every week.', better: 'Letters came late.', share: true },
      screening: { possibleWorry: false, flags: [] },
    });
    expect(stored?.notifiedAt).toBeDefined();
    const link = await host.services.store.feedback.getLink('team-1', linkId);
    expect(link?.usedAt).toBeDefined();
    expect(link?.draft).toBeUndefined();
    expect(host.submitted.filter((s) => s.response.linkId === linkId)).toHaveLength(1);

    const again = await get(host, path);
    expect(again.status).toBe(200);
    expect(again.body).toContain('This link is closed');
    expect(again.body).toContain('If you have already sent your answers, thank you');
  });

  it('tells a young person someone will be in touch when they say something makes them feel unsafe', async () => {
    const { path, linkId } = await host.link('young-person', 'en');
    for (const step of ['overall', 'listened', 'explained', 'fair', 'next'])
      expect((await answer(host, `${path}/${step}`, { answer: 'dont-know' })).status).toBe(303);
    expect((await answer(host, `${path}/unsafe`, { answer: 'yes' })).status).toBe(303);
    const check = await get(host, `${path}/check`);
    const sent = await postForm(host, `${path}/check`, { csrf: csrfOf(check) });
    expect(sent.body).toContain('Someone from the team will be in touch soon.');
    expect(sent.body).toContain('Childline');
    const call = host.submitted.find((s) => s.response.linkId === linkId);
    expect(call?.screening).toEqual({
      possibleWorry: true,
      flags: [{ questionId: 'unsafe', reason: 'unsafe-answer', matched: [] }],
    });
    expect(call?.response.screening).toEqual(call?.screening);
  });

  it('keeps a response and shows the thank-you even when the submitted hook fails, leaving it for a retry', async () => {
    const { path, linkId } = await host.link('child', 'en');
    for (const [step, value] of [
      ['overall', 'good'],
      ['listened', 'yes'],
      ['explained', 'a-bit'],
      ['unsafe', 'no'],
    ] as const)
      await answer(host, `${path}/${step}`, { answer: value });
    host.failNextHook();
    const check = await get(host, `${path}/check`);
    const sent = await postForm(host, `${path}/check`, { csrf: csrfOf(check) });
    expect(sent.body).toContain('Your answers have been sent');
    const unnotified = await host.services.store.feedback.unnotifiedResponses();
    expect(unnotified.map((r) => r.linkId)).toContain(linkId);
  });

  it('sends the family back to a question they missed, from the check page', async () => {
    const { path } = await host.link('parent', 'en');
    await answer(host, `${path}/overall`, { answer: 'good' });
    const check = await get(host, `${path}/check`);
    const sent = await postForm(host, `${path}/check`, { csrf: csrfOf(check) });
    expect(sent.status).toBe(400);
    expect(sent.body).toContain('There is a problem');
    expect(sent.body).toContain(
      'Answer this question before you send your answers: Did your worker listen to you?',
    );
    expect(sent.body).toContain(`href="${path}/listened?return=check"`);
  });

  it('returns to the check page after a change', async () => {
    const { path } = await host.link('parent', 'en');
    const posted = await answer(host, `${path}/next?return=check`, { answer: 'yes' });
    expect(posted.location).toBe(`${path}/check`);
  });

  it('shows an empty choice as an error, with the error summary linking to the answers', async () => {
    const { path } = await host.link('parent', 'en');
    const page = await get(host, `${path}/overall`);
    const posted = await postForm(host, `${path}/overall`, { csrf: csrfOf(page) });
    expect(posted.status).toBe(400);
    expect(posted.body).toContain('<title>Error: Overall, how was your experience of our service?');
    expect(posted.body).toContain('href="#answer"');
    expect(posted.body).toContain('Choose an answer');
  });
});

describe('languages', () => {
  it('opens a Welsh link in Welsh and an Urdu link right to left', async () => {
    const welsh = await host.link('parent', 'cy');
    expect((await get(host, welsh.path)).body).toContain('<html lang="cy" dir="ltr"');
    const urdu = await host.link('child', 'ur');
    const page = await get(host, `${urdu.path}/overall`);
    expect(page.body).toContain('<html lang="ur" dir="rtl"');
    expect(page.headers.get('content-language')).toBe('ur');
  });

  it('switches language on any page and keeps it through the next question', async () => {
    const { path } = await host.link('parent', 'en');
    const page = await get(host, `${path}/overall?lang=pl`);
    expect(page.body).toContain('<html lang="pl"');
    expect(page.body).toContain(`href="${path}/overall" rel="alternate" lang="en" hreflang="en"`);
    const posted = await postForm(host, `${path}/overall?lang=pl`, { csrf: csrfOf(page), answer: 'good' });
    expect(posted.location).toBe(`${path}/listened?lang=pl`);
  });
});

describe('headers', () => {
  it('never sends a Referer, never lets the page be cached or framed, and runs no script', async () => {
    const { path } = await host.link();
    const page = await get(host, path);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('script-src');
    expect(page.body).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
    // HSTS only in production; this is local mode.
    expect(page.headers.get('strict-transport-security')).toBeNull();
  });
});
