import type { Platform } from '../../platforms.js';
import type { AppFiles } from '../types.js';
import { readGradleArtifact } from './gradle.js';
import { declaredIn, readNpmPackage } from './npm.js';
import { readPubPackage } from './pub.js';
import { readSwiftPackage } from './swift.js';
import type { InstalledLibrary } from './types.js';

export type { InstalledLibrary, PackageManager, VersionSource } from './types.js';
export { compareVersions, formatVersion, parseVersion, rangeAdmits, rangeVerdict, type Version, type VersionSet } from './versions.js';
export { declaredIn } from './npm.js';

/** amplify-js packages that stand for the library when `aws-amplify` itself is not a dependency, in the order they decide. */
const AMPLIFY_JS_PACKAGES = [
  '@aws-amplify/core',
  '@aws-amplify/auth',
  '@aws-amplify/api',
  '@aws-amplify/storage',
  '@aws-amplify/analytics',
  '@aws-amplify/datastore',
  '@aws-amplify/pubsub',
  '@aws-amplify/geo',
  '@aws-amplify/notifications',
  '@aws-amplify/predictions',
  '@aws-amplify/interactions',
] as const;

export interface ReadOptions {
  /** The app's folder relative to the repository root (`apps/web`), which a workspace's lock file names it by. */
  appDir?: string;
}

/**
 * The Amplify library the app is built with, as its files say: for web and React Native `aws-amplify` (else
 * `@aws-amplify/core`, else an amplify-js category package), for Flutter `amplify_flutter`, for iOS the Amplify
 * Library for Swift, for Android Amplify Android. Undefined when the app's files name none.
 *
 * `files` are the app's files keyed by their path from its root; files of the folders above it (a monorepo's lock
 * file) may be among them as `../package-lock.json`, `../../yarn.lock`.
 */
export function readInstalledLibrary(files: AppFiles, platform: Platform, options: ReadOptions = {}): InstalledLibrary | undefined {
  switch (platform) {
    case 'web': {
      if (declaredIn(files, 'package.json', 'aws-amplify') !== undefined) return readNpmPackage(files, 'aws-amplify', options.appDir);
      for (const name of AMPLIFY_JS_PACKAGES) {
        if (declaredIn(files, 'package.json', name) !== undefined) return readNpmPackage(files, name, options.appDir);
      }
      return undefined;
    }
    case 'flutter':
      return readPubPackage(files, 'amplify_flutter');
    case 'ios':
      return readSwiftPackage(files);
    case 'android':
      return readGradleArtifact(files);
  }
}
