/**
 * Hostile input at the family pages, through the local host and the real store: forged, expired,
 * reused, revoked and malformed links all get the same kind page; forms without a good CSRF token,
 * replays, 100 KB of text, oversized bodies, markup and bidi characters are all handled, and the
 * store is left as it was.
 */
import { revokeFeedbackLink } from '../../../src/services/feedback/revoke-link';
import type { Page, SurveyHost } from '../../support/survey';
import { PARENT_ANSWERS, answer, csrfOf, get, postForm, startSurveyHost } from '../../support/survey';

let clock = new Date('2026-11-30T10:00:00Z');
let host: SurveyHost;
beforeAll(async () => {
  host = await startSurveyHost({ now: () => clock });
});
afterAll(() => host.stop());
afterEach(() => {
  clock = new Date('2026-11-30T10:00:00Z');
});

/** The page with the token taken out, so pages for different links can be compared. */
const withoutToken = (page: Page, token: string) => ({
  status: page.status,
  body: page.body.split(token).join('TOKEN'),
});

async function sendAll(path: string): Promise<Page> {
  for (const [step, fields] of PARENT_ANSWERS) await answer(host, `${path}/${step}`, fields);
  const check = await get(host, `${path}/check`);
  return postForm(host, `${path}/check`, { csrf: csrfOf(check) });
}

describe('links that cannot be answered', () => {
  it('shows one identical kind page for forged, expired, used, revoked and malformed links', async () => {
    const forged = 'AAAAAAAAAAAAAAAAAAAAAA';
    const expired = await host.link();
    const used = await host.link();
    await sendAll(used.path);
    const revoked = await host.link();
    expect(
      await revokeFeedbackLink(
        { feedback: host.services.store.feedback, now: () => clock },
        { teamId: 'team-1', linkId: revoked.linkId, revokedBy: 'p1' },
      ),
    ).toBe('revoked');
    clock = new Date(clock.getTime() + 15 * 24 * 60 * 60 * 1000);

    const pages = [
      withoutToken(await get(host, `/api/f/${forged}`), forged),
      withoutToken(await get(host, expired.path), expired.token),
      withoutToken(await get(host, used.path), used.token),
      withoutToken(await get(host, revoked.path), revoked.token),
      withoutToken(await get(host, '/api/f/not-a-token!'), 'not-a-token!'),
      withoutToken(await get(host, `/api/f/${'x'.repeat(300)}`), 'x'.repeat(300)),
    ];
    for (const page of pages) expect(page).toEqual(pages[0]);
    expect(pages[0]?.body).toContain('This link is closed');
    expect(pages[0]?.body).toContain('tel:999');
    expect(pages[0]?.body).toContain('0800 1111');
    expect(pages[0]?.body).toContain('0808 800 5000');
  });

  it('speaks the browser’s language on the closed page, since the link cannot say', async () => {
    const page = await get(host, '/api/f/AAAAAAAAAAAAAAAAAAAAAA', { 'accept-language': 'cy-GB, en;q=0.5' });
    expect(page.body).toContain('<html lang="cy"');
    expect(page.body).toContain('Mae’r ddolen hon wedi cau');
  });

  it('answers a question POST on a used link with the same closed page and keeps the one response', async () => {
    const { path, linkId } = await host.link();
    const question = await get(host, `${path}/overall`);
    const csrf = csrfOf(question);
    await sendAll(path);
    const replay = await postForm(host, `${path}/overall`, { csrf, answer: 'very-poor' });
    expect(replay.body).toContain('This link is closed');
    const link = await host.services.store.feedback.getLink('team-1', linkId);
    expect(link?.draft).toBeUndefined();
    const response = await host.services.store.feedback.getResponse('team-1', `response-${linkId}`);
    expect(response?.answers.overall).toBe('good');
  });

  it('stores one response when the send form is replayed, and runs the hook once', async () => {
    const { path, linkId } = await host.link();
    for (const [step, fields] of PARENT_ANSWERS) await answer(host, `${path}/${step}`, fields);
    const csrf = csrfOf(await get(host, `${path}/check`));
    const [first, second] = await Promise.all([
      postForm(host, `${path}/check`, { csrf }),
      postForm(host, `${path}/check`, { csrf }),
    ]);
    const bodies = [first.body, second.body];
    expect(bodies.filter((b) => b.includes('Your answers have been sent'))).toHaveLength(1);
    expect(bodies.filter((b) => b.includes('This link is closed'))).toHaveLength(1);
    const third = await postForm(host, `${path}/check`, { csrf });
    expect(third.body).toContain('This link is closed');
    expect(host.submitted.filter((s) => s.response.linkId === linkId)).toHaveLength(1);
  });
});

describe('CSRF', () => {
  it.each([
    ['no token', () => undefined],
    ['an empty token', () => ''],
    ['a made-up token', () => '1796032800.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'],
    ['a very long token', () => 'x'.repeat(5000)],
  ])('refuses a form with %s, saving nothing', async (_, csrf) => {
    const { path, linkId } = await host.link();
    const token = csrf();
    const posted = await postForm(host, `${path}/overall`, {
      answer: 'good',
      ...(token === undefined ? {} : { csrf: token }),
    });
    expect(posted.status).toBe(403);
    expect(posted.body).toContain('Please try that again');
    expect(posted.body).toContain(`href="${path}/overall"`);
    expect((await host.services.store.feedback.getLink('team-1', linkId))?.draft).toBeUndefined();
  });

  it('refuses a token made for another link', async () => {
    const mine = await host.link();
    const theirs = await host.link();
    const csrf = csrfOf(await get(host, `${theirs.path}/overall`));
    const posted = await postForm(host, `${mine.path}/overall`, { csrf, answer: 'good' });
    expect(posted.status).toBe(403);
  });

  it('refuses a token more than a day old, and accepts a fresh one', async () => {
    const { path } = await host.link();
    const csrf = csrfOf(await get(host, `${path}/overall`));
    clock = new Date(clock.getTime() + 25 * 60 * 60 * 1000);
    expect((await postForm(host, `${path}/overall`, { csrf, answer: 'good' })).status).toBe(403);
    const fresh = csrfOf(await get(host, `${path}/overall`));
    expect((await postForm(host, `${path}/overall`, { csrf: fresh, answer: 'good' })).status).toBe(303);
  });

  it('refuses a send without a token and stores no response', async () => {
    const { path, linkId } = await host.link();
    for (const [step, fields] of PARENT_ANSWERS) await answer(host, `${path}/${step}`, fields);
    const posted = await postForm(host, `${path}/check`, {});
    expect(posted.status).toBe(403);
    expect(await host.services.store.feedback.getResponse('team-1', `response-${linkId}`)).toBeUndefined();
  });

  it('treats a body that is not a form as a form with no token', async () => {
    const { path } = await host.link();
    const posted = await postForm(host, `${path}/overall`, '{"answer":"good"}', {
      'content-type': 'application/json',
    });
    expect(posted.status).toBe(403);
  });
});

describe('what families type', () => {
  it('says the limit kindly for 100 KB of text, keeps what they typed on the page, and saves nothing', async () => {
    const { path, linkId } = await host.link();
    const long = 'a'.repeat(100 * 1024);
    const page = await get(host, `${path}/good`);
    const posted = await postForm(host, `${path}/good`, { csrf: csrfOf(page), answer: long });
    expect(posted.status).toBe(400);
    expect(posted.body).toContain('Your answer can be up to 5000 characters. It is 102400 characters now');
    expect(posted.body).toContain(long);
    expect((await host.services.store.feedback.getLink('team-1', linkId))?.draft).toBeUndefined();
  });

  it('refuses a body over 1 MB with a kind page', async () => {
    const { path } = await host.link();
    const page = await get(host, `${path}/good`);
    const posted = await postForm(host, `${path}/good`, {
      csrf: csrfOf(page),
      answer: 'b'.repeat(1100 * 1024),
    });
    expect(posted.status).toBe(413);
    expect(posted.body).toContain('That was too much to send at once');
  });

  it('counts characters as people do: 5000 emoji fit, 5001 do not', async () => {
    const { path } = await host.link();
    const csrf = csrfOf(await get(host, `${path}/good`));
    expect((await postForm(host, `${path}/good`, { csrf, answer: '🙂'.repeat(5000) })).status).toBe(303);
    expect((await postForm(host, `${path}/good`, { csrf, answer: '🙂'.repeat(5001) })).status).toBe(400);
  });

  it('refuses an option that is not on the page', async () => {
    const { path, linkId } = await host.link();
    const csrf = csrfOf(await get(host, `${path}/overall`));
    const posted = await postForm(host, `${path}/overall`, { csrf, answer: 'excellent' });
    expect(posted.status).toBe(400);
    expect((await host.services.store.feedback.getLink('team-1', linkId))?.draft).toBeUndefined();
  });

  it('stores markup and bidi characters exactly as typed and shows them only as text', async () => {
    const { path, linkId } = await host.link();
    const hostile =
      '<script>alert(1)</script>\u202Eevil\u202C <img src=x onerror=alert(2)> & "quotes"\r\nline two';
    const csrf = csrfOf(await get(host, `${path}/good`));
    expect((await postForm(host, `${path}/good`, { csrf, answer: hostile })).status).toBe(303);
    const link = await host.services.store.feedback.getLink('team-1', linkId);
    expect(link?.draft?.answers.good).toBe(hostile);

    const again = await get(host, `${path}/good`);
    expect(again.body).not.toContain('<script>alert(1)');
    expect(again.body).not.toContain('<img src=x');
    expect(again.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    const check = await get(host, `${path}/check`);
    expect(check.body).not.toContain('<img src=x');
    expect(check.body).toMatch(/<bdi class="hearth-answer" data-testid="answer-good">&lt;script&gt;/);
  });

  it('sends a step that does not exist back to the start page', async () => {
    const { path } = await host.link();
    const page = await get(host, `${path}/..%2F..%2Fhealth`);
    expect(page.status).toBe(303);
    expect(page.location).toBe(path);
  });
});

describe('rate limits', () => {
  it('slows one link after 120 requests in ten minutes, with Retry-After, and a kind page', async () => {
    const token = 'BBBBBBBBBBBBBBBBBBBBBB';
    for (let i = 0; i < 120; i++) expect((await get(host, `/api/f/${token}`)).status).toBe(200);
    const limited = await get(host, `/api/f/${token}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body).toContain('Please wait a moment');
    expect(limited.body).toContain('tel:999');
    clock = new Date(clock.getTime() + 11 * 60 * 1000);
    expect((await get(host, `/api/f/${token}`)).status).toBe(200);
  });
});
