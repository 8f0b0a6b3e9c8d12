import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { serviceResourceMapping, type AmplifyMeta } from './official-generator.js';

/**
 * The Gen1 CLI's own iOS, Android and Flutter generators (test-only), given a small stand-in for the CLI
 * context. They write exactly what the CLI writes for the same amplify-meta.
 */
const require = createRequire(import.meta.url);

interface Creator {
  getAmplifyConfig(context: unknown, resources: unknown, cloudResources: unknown): Record<string, unknown>;
  getNewAWSConfigObject?(context: unknown, resources: unknown, cloudResources: unknown): Record<string, unknown>;
  createAmplifyConfig(context: unknown, resources: unknown, cloudResources: unknown): void;
}

const ios = require('@aws-amplify/amplify-frontend-ios/lib/frontend-config-creator.js') as Creator;
const android = require('@aws-amplify/amplify-frontend-android/lib/frontend-config-creator.js') as Creator;
const flutter = require('@aws-amplify/amplify-frontend-flutter/lib/frontend-config-creator.js') as Creator;

function context(meta: AmplifyMeta, projectPath: string): unknown {
  return {
    exeInfo: {
      localEnvInfo: { projectPath },
      projectConfig: { android: { config: { ResDir: 'app/src/main/res' } }, flutter: { config: { ResDir: './lib/' } } },
    },
    amplify: {
      getProjectMeta: () => meta,
      readJsonFile: (file: string) => JSON.parse(readFileSync(file, 'utf8')) as unknown,
    },
  };
}

export interface MobileFiles {
  iosAmplifyConfiguration: string;
  iosAwsConfiguration: string;
  androidAmplifyConfiguration: string;
  androidAwsConfiguration: string;
  flutterDart: string;
}

/** The mobile files the CLI writes for a backend, as text (4-space JSON, as the CLI writes it). */
export function mobileFilesFromMeta(meta: AmplifyMeta): MobileFiles {
  const projectPath = mkdtempSync(path.join(os.tmpdir(), 'amplify-outputs-migrate-gen1-'));
  try {
    const resources = { metadata: meta.providers.awscloudformation, serviceResourceMapping: serviceResourceMapping(meta) };
    const ctx = context(meta, projectPath);
    const text = (value: unknown): string => JSON.stringify(value, null, 4);
    flutter.createAmplifyConfig(ctx, resources, resources);
    return {
      iosAmplifyConfiguration: text(ios.getAmplifyConfig(ctx, resources, resources)),
      iosAwsConfiguration: text(ios.getNewAWSConfigObject!(ctx, resources, resources)),
      androidAmplifyConfiguration: text(android.getAmplifyConfig(ctx, resources, resources)),
      androidAwsConfiguration: text(android.getNewAWSConfigObject!(ctx, resources, resources)),
      flutterDart: readFileSync(path.join(projectPath, 'lib', 'amplifyconfiguration.dart'), 'utf8'),
    };
  } finally {
    rmSync(projectPath, { recursive: true, force: true });
  }
}
