// Runs API Extractor on the package entries (api-extractor.json, api-extractor.project.json, api-extractor.migrate.json, api-extractor.codemod.json).
//   build:  writes the CommonJS declaration files (dist/index.d.cts, dist/project/index.d.cts), checks nothing, so
//           that installing the package never fails on the API report;
//   check:  also compares the public API with the reports in etc/ and fails when they differ (npm test);
//   update: rewrites the reports in etc/ (npm run api:update), to be reviewed and committed with the change.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const root = fileURLToPath(new URL('../', import.meta.url));
const mode = process.argv[2];
if (!['build', 'check', 'update'].includes(mode)) {
  console.error('usage: node scripts/api-extractor.mjs build|check|update');
  process.exit(2);
}
let failed = false;
for (const name of ['api-extractor.json', 'api-extractor.project.json', 'api-extractor.migrate.json', 'api-extractor.codemod.json']) {
  const file = path.join(root, name);
  const configObject = ExtractorConfig.loadFile(file);
  configObject.apiReport = { ...configObject.apiReport, enabled: mode !== 'build' };
  const config = ExtractorConfig.prepare({ configObject, configObjectFullPath: file, packageJsonFullPath: path.join(root, 'package.json') });
  const result = Extractor.invoke(config, { localBuild: mode !== 'check' });
  if (!result.succeeded) failed = true;
}
if (failed) {
  console.error(
    mode === 'check' ? 'The public API differs from the report in etc/: run `npm run api:update` and review the change.' : 'API Extractor failed (see above).',
  );
  process.exitCode = 1;
}
