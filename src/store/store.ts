/**
 * Opens Hearth's database, creating it and its containers when absent, and hands out one
 * repository per aggregate. Works unchanged against Azure Cosmos DB and the local server.
 */
import type { Container, CosmosClient, Database } from '@azure/cosmos';
import type { OutboxMessage } from '../domain/outbox';
import type { CaseEvent, Child, Person, Team } from '../domain/types';
import { CONTAINERS } from './containers';
import type { ActivityEntry } from './activity';
import { AuditsRepository } from './audits-repository';
import { FeedbackRepository } from './feedback-repository';
import { Repository } from './repository';

export interface Store {
  database: Database;
  teams: Repository<Team>;
  people: Repository<Person>;
  children: Repository<Child>;
  events: Repository<CaseEvent>;
  activity: Repository<ActivityEntry>;
  /** Case audits, the worries raised during them, and the programme's months. */
  audits: AuditsRepository;
  /** Planned messages to anyone, waiting to be sent or sent (the `outbox` container). */
  outbox: Repository<OutboxMessage>;
  /** Family feedback links and responses (the `feedback` container). */
  feedback: FeedbackRepository;
  /** Round-trips to the database; throws when it does not answer. */
  ping(signal?: AbortSignal): Promise<void>;
}

/**
 * `create`: make the database and containers when absent. True with a key (locally); false with a
 * managed identity in Azure, whose data-plane role cannot create them: infra/app/cosmos.bicep does.
 */
export async function openStore(
  client: CosmosClient,
  databaseId: string,
  options: { create: boolean },
): Promise<Store> {
  const database = options.create
    ? (await client.databases.createIfNotExists({ id: databaseId })).database
    : client.database(databaseId);
  const containers = await Promise.all(
    Object.values(CONTAINERS).map(async (spec) => {
      if (!options.create) return [spec.id, database.container(spec.id)] as const;
      const { container } = await database.containers.createIfNotExists({
        id: spec.id,
        partitionKey: { paths: [spec.partitionKey] },
        ...('defaultTtl' in spec ? { defaultTtl: spec.defaultTtl } : {}),
      });
      return [spec.id, container] as const;
    }),
  );
  const byId = new Map<string, Container>(containers);
  const container = (id: string) => {
    const found = byId.get(id);
    if (!found) throw new Error(`container ${id} was not created`);
    return found;
  };
  const byTeam = (item: { teamId: string }) => item.teamId;
  return {
    database,
    // Teams live in the people container, each in its own team's partition.
    teams: new Repository<Team>(
      container('people'),
      (team) => team.id,
      'team',
      (team) => ({
        teamId: team.id,
      }),
    ),
    people: new Repository<Person>(container('people'), byTeam, 'person'),
    children: new Repository<Child>(container('children'), byTeam, 'child'),
    events: new Repository<CaseEvent>(container('events'), byTeam, 'event'),
    activity: new Repository<ActivityEntry>(container('activity'), byTeam, 'activity'),
    audits: new AuditsRepository(container('audits')),
    outbox: new Repository<OutboxMessage>(container('outbox'), (m) => m.recipientId, 'outbox'),
    feedback: new FeedbackRepository(container('feedback')),
    async ping(signal) {
      await database.read(signal ? { abortSignal: signal } : {});
    },
  };
}
