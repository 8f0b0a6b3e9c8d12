/** The app platforms amplify_outputs.json is written for. */
export const PLATFORMS = ['web', 'ios', 'android', 'flutter'] as const;

export type Platform = (typeof PLATFORMS)[number];

export function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);
}

/** What tells an app's platform, and where its Amplify library loads amplify_outputs from. */
export interface PlatformFacts {
  /** Files at an app's root that mark the platform (a name ending in `/` is a folder suffix, such as `.xcodeproj/`). */
  markers: readonly string[];
  /** Where the Gen1 CLI wrote the app's client file, relative to its root (for messages). */
  gen1File: string;
  /** The name `frontend` has in the Gen1 project's amplify/.config/project-config.json. */
  gen1Frontend: string;
  /**
   * Where the library loads the file from: relative to the app's root, or `beside` the Gen1 client file (which the
   * Gen1 library loaded from the same place).
   */
  outputsPlace: string | 'beside';
  /** Why it goes there, as the command line says it. */
  loadedBy: string;
}

/** Each platform's facts; the command line derives where an app's file goes from them. */
export const PLATFORM_FACTS: { readonly [P in Platform]: PlatformFacts } = {
  flutter: {
    markers: ['pubspec.yaml'],
    gen1File: 'lib/amplifyconfiguration.dart',
    gen1Frontend: 'flutter',
    outputsPlace: 'lib/amplify_outputs.dart',
    loadedBy: 'amplify_flutter configures from the constant amplifyConfig of lib/amplify_outputs.dart',
  },
  android: {
    markers: ['settings.gradle', 'settings.gradle.kts', 'build.gradle', 'build.gradle.kts'],
    gen1File: 'app/src/main/res/raw/amplifyconfiguration.json',
    gen1Frontend: 'android',
    // In the app module's raw resources (app/src/main/res/raw), where the Gen1 file is too.
    outputsPlace: 'beside',
    loadedBy: 'Amplify Android loads the raw resource R.raw.amplify_outputs (src/main/res/raw of the app module)',
  },
  ios: {
    markers: ['Podfile', 'Package.swift', '.xcodeproj/', '.xcworkspace/'],
    gen1File: 'amplifyconfiguration.json',
    gen1Frontend: 'ios',
    outputsPlace: 'beside',
    loadedBy: 'amplify-swift loads amplify_outputs.json from the app bundle: it goes beside amplifyconfiguration.json, in the same target',
  },
  web: {
    markers: ['package.json'],
    gen1File: 'src/aws-exports.js',
    gen1Frontend: 'javascript',
    outputsPlace: 'amplify_outputs.json',
    loadedBy: "Gen2 web and React Native apps import amplify_outputs.json from the app's root (the folder of its package.json)",
  },
};

/** The platforms in the order their markers are looked for: a Flutter app also holds Gradle and Xcode files below it. */
export const PLATFORMS_BY_MARKER: readonly Platform[] = ['flutter', 'android', 'ios', 'web'];
