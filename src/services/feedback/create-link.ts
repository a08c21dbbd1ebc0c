/**
 * Makes a family's link: a fresh random token (returned once, never stored), the link saved with
 * the token's hash, and the short URL to give the family. The URL carries nothing but the token.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_LINK_DAYS } from '../../domain/feedback-links';
import type { Audience, FeedbackLink, Language } from '../../domain/feedback-types';
import type { FeedbackRepository } from '../../store/feedback-repository';
import { hashToken, newToken } from './tokens';

export interface CreateLinkDeps {
  feedback: FeedbackRepository;
  now: () => Date;
  /** `https://host`, no trailing slash. */
  publicBaseUrl: string;
  linkLifetimeDays?: number;
  random?: (size: number) => Buffer;
}

export interface CreateLinkInput {
  teamId: string;
  childId: string;
  /** Whose card the answers reach. */
  practitionerId: string;
  audience: Audience;
  language: Language;
  /** Who asked: a person id, or `cli`. */
  createdBy: string;
}

export interface CreatedLink {
  link: FeedbackLink;
  /** Give this to the family; Hearth cannot show it again. */
  url: string;
  token: string;
}

export const linkPath = (token: string) => `/api/f/${token}`;

export async function createFeedbackLink(deps: CreateLinkDeps, input: CreateLinkInput): Promise<CreatedLink> {
  const token = newToken(deps.random);
  const now = deps.now();
  const days = deps.linkLifetimeDays ?? DEFAULT_LINK_DAYS;
  const link: FeedbackLink = {
    id: randomUUID(),
    teamId: input.teamId,
    childId: input.childId,
    practitionerId: input.practitionerId,
    audience: input.audience,
    language: input.language,
    tokenHash: hashToken(token),
    createdAt: now.toISOString(),
    createdBy: input.createdBy,
    expiresAt: new Date(now.getTime() + days * 24 * 60 * 60 * 1000).toISOString(),
  };
  await deps.feedback.createLink(link);
  return { link, token, url: `${deps.publicBaseUrl}${linkPath(token)}` };
}
