// The public face of the organisations module: what other modules may use. Nothing else of it is theirs.
export { countOrganisations } from './counts.repository.js';
export { membershipsForExport } from './memberships.service.js';
export {
  insertOrganisation,
  organisationById,
  organisationNamedUnder,
  organisationsNamed,
  regionWithin,
  volunteerIdByCode,
  type NamedOrganisation,
} from './organisations.repository.js';
export { addOrganisation, type CreationSource } from './organisations.service.js';
