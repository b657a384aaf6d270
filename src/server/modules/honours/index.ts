// The public face of the honours module: what other modules may use. Nothing else of it is theirs.
export { addProjectHonours, projectHonours, type ProjectHonour } from './project-honours.js';
export { honourRoutes } from './honours.routes.js';
export { insertHonour } from './honours.repository.js';
