/**
 * Family feedback in the `feedback` container (partition /teamId): links and responses, each
 * tagged with its docType. A family's request carries only the link's token, so the link is found
 * by its token's hash across partitions (an indexed query); everything after that is a point
 * read or an ETag-safe replace in the team's own partition.
 */
import type { Container } from '@azure/cosmos';
import type { FeedbackLink, FeedbackResponse } from '../domain/feedback-types';
import type { Stored } from './repository';
import { Repository, isStatus, withoutSystemFields } from './repository';

export class FeedbackRepository {
  readonly links: Repository<FeedbackLink>;
  readonly responses: Repository<FeedbackResponse>;

  constructor(container: Container) {
    this.links = new Repository<FeedbackLink>(container, (l) => l.teamId, 'feedback-link');
    this.responses = new Repository<FeedbackResponse>(container, (r) => r.teamId, 'feedback-response');
  }

  /** Stores a new link; ids are random, so a clash means a bug, and says so. */
  async createLink(link: FeedbackLink): Promise<void> {
    if (!(await this.links.createIfAbsent(link))) throw new Error(`feedback link ${link.id} already exists`);
  }

  /** The link with its ETag, so the first write after opening it needs no second read. */
  async findLinkByTokenHash(tokenHash: string): Promise<{ link: FeedbackLink; etag: string } | undefined> {
    const { resources } = await this.links.container.items
      .query<FeedbackLink & Stored>({
        query: 'SELECT * FROM c WHERE c.docType = @docType AND c.tokenHash = @hash',
        parameters: [
          { name: '@docType', value: 'feedback-link' },
          { name: '@hash', value: tokenHash },
        ],
      })
      .fetchAll();
    const found = resources[0];
    return found ? { link: withoutSystemFields<FeedbackLink>(found), etag: found._etag } : undefined;
  }

  /** Replaces the link only if nobody changed it since `etag`; false when someone did. */
  async replaceLinkIfUnchanged(link: FeedbackLink, etag: string): Promise<(FeedbackLink & Stored) | false> {
    try {
      return await this.links.replaceIfUnchanged(link, etag);
    } catch (error) {
      if (isStatus(error, 412)) return false;
      throw error;
    }
  }

  getLink(teamId: string, id: string): Promise<(FeedbackLink & Stored) | undefined> {
    return this.links.get(id, teamId);
  }

  /** Read, change, replace with IfMatch; `change` may return undefined to leave the link alone. */
  updateLink(
    teamId: string,
    id: string,
    change: (current: FeedbackLink) => FeedbackLink | undefined,
  ): Promise<(FeedbackLink & Stored) | undefined> {
    return this.links.update(id, teamId, change);
  }

  linksForChild(teamId: string, childId: string): Promise<FeedbackLink[]> {
    // The team is named in the query too: the local Cosmos server does not scope queries by partition.
    return this.links.inPartition(teamId, 'c.teamId = @team AND c.childId = @child', [
      { name: '@team', value: teamId },
      { name: '@child', value: childId },
    ]);
  }

  /** False when a response for this link is already stored: one response per link. */
  createResponse(response: FeedbackResponse): Promise<boolean> {
    return this.responses.createIfAbsent(response);
  }

  getResponse(teamId: string, id: string): Promise<(FeedbackResponse & Stored) | undefined> {
    return this.responses.get(id, teamId);
  }

  updateResponse(
    teamId: string,
    id: string,
    change: (current: FeedbackResponse) => FeedbackResponse | undefined,
  ): Promise<(FeedbackResponse & Stored) | undefined> {
    return this.responses.update(id, teamId, change);
  }

  /**
   * A team's responses for its digest: those submitted since `since`, and any older one still
   * unread or holding an unacknowledged possible worry.
   */
  responsesForSummary(teamId: string, since: string): Promise<FeedbackResponse[]> {
    return this.responses.inPartition(
      teamId,
      'c.teamId = @team AND (c.submittedAt >= @since OR NOT IS_DEFINED(c.readAt) OR ' +
        '(c.screening.possibleWorry = true AND NOT IS_DEFINED(c.acknowledgedAt)))',
      [
        { name: '@team', value: teamId },
        { name: '@since', value: since },
      ],
    );
  }

  /** Every team's responses submitted in [from, to), for the quality board's export. */
  async responsesBetween(from: string, to: string): Promise<FeedbackResponse[]> {
    const found = await this.responses.query('c.submittedAt >= @from AND c.submittedAt < @to', [
      { name: '@from', value: from },
      { name: '@to', value: to },
    ]);
    return found.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id));
  }

  /** Responses whose submitted hook has not finished, for a sweeper to finish. */
  unnotifiedResponses(): Promise<FeedbackResponse[]> {
    return this.responses.query('NOT IS_DEFINED(c.notifiedAt)');
  }
}
