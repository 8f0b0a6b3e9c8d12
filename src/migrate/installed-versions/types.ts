import type { VersionSet } from './versions.js';

/** The tool that installs the library, which says how to upgrade it. */
export type PackageManager = 'npm' | 'yarn' | 'pnpm' | 'bun' | 'pub' | 'swiftpm' | 'cocoapods' | 'gradle';

/** Where a version or a range was read. */
export interface VersionSource {
  /** The file, relative to the app's root (`../../package-lock.json` for a lock above it). */
  file: string;
  /** 1-based line, when known. */
  line?: number;
}

/** What the app's files say of one installed library. */
export interface InstalledLibrary {
  /** The package as its ecosystem names it: `aws-amplify`, `amplify_flutter`, `amplify-swift`, `Amplify` (CocoaPods), `com.amplifyframework:core`. */
  name: string;
  /** The version installed, as the lock file (or an exact declaration) records it. */
  version?: string;
  /** The range the manifest asks for, as written (`^5.3.0`, `~> 1.0`, `2.+`), when there is one. */
  range?: string;
  /** The versions the range admits, read (undefined when it is not a version range: a path, a branch). */
  rangeSet?: VersionSet;
  /** Where the version was read (the lock file), or the range when there is no version. */
  source: VersionSource;
  /** Where the range was declared, when the version came from a lock file. */
  declared?: VersionSource;
  manager: PackageManager;
  /** Why neither an exact version nor a range that decides could be read (a computed Gradle version, no lock file, ...). */
  unknownBecause?: string;
}
