/** The project-folder reader: the one part of the package that reads files (for amplify-meta.json conversions). */
export { isGen1Project, readProject, META_CANDIDATES, type GatheredProject } from './read-project.js';
