/**
 * The project-folder reader: the one part of the package that reads files (for amplify-meta.json conversions).
 *
 * @packageDocumentation
 */
export { isGen1Project, readProject, type GatheredProject } from './read-project.js';
