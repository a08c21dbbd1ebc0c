/**
 * Who someone in Teams is to Hearth: matched by their Entra object id, case-insensitively.
 */
import type { Person } from '../../domain/types';
import type { Store } from '../../store/store';

export async function personByEntraId(
  store: Store,
  aadObjectId: string | undefined,
): Promise<Person | undefined> {
  const aad = aadObjectId?.toLowerCase();
  if (!aad) return undefined;
  const [person] = await store.people.query('c.entraObjectId = @aad', [{ name: '@aad', value: aad }]);
  return person;
}
