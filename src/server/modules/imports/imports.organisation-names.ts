/**
 * Organisations as a file names them: by full name (or id), in the database — which also holds
 * what earlier rows of the same import created. Each name is looked up once per import and
 * forgotten when a row creates an organisation of that name, so a later row finds it.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { organisationsNamed, type NamedOrganisation } from '../organisations/index.js';
import { choose, type Found } from './imports.rows.js';

/** Names remembered at most: a file naming more distinct organisations looks them up again. */
const REMEMBERED = 10_000;

export type OrganisationLookup = (
  trx: Transaction<DB>,
  text: string,
  ...prefer: ((o: NamedOrganisation) => boolean | Promise<boolean>)[]
) => Promise<Found<NamedOrganisation>>;

export function organisationNames(): { find: OrganisationLookup; forget(name: string): void } {
  const known = new Map<string, NamedOrganisation[]>();
  const find: OrganisationLookup = async (trx, text, ...prefer) => {
    let found = known.get(text);
    if (!found) {
      found = await organisationsNamed(trx, text);
      if (known.size >= REMEMBERED) known.clear();
      known.set(text, found);
    }
    return choose(found, ...prefer);
  };
  return { find, forget: (name) => known.delete(name) };
}
