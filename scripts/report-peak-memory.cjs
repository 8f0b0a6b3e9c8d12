// Preloaded by npm run bench (node --require) into the commands it times: writes the process's peak resident
// memory in bytes, at exit, to the file AMPLIFY_OUTPUTS_MIGRATE_PEAK_FILE names.
const file = process.env.AMPLIFY_OUTPUTS_MIGRATE_PEAK_FILE;
if (file) {
  process.on('exit', () => {
    require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
  });
}
