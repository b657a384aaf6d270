// The public face of the projects module: what other modules may use. Nothing else of it is theirs.
export { insertProject } from './projects.repository.js';
