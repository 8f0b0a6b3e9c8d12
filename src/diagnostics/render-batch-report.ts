import { renderJsonBatch } from './render-json.js';
import { renderJunitBatch } from './render-junit.js';
import { renderReport, type RenderOptions, type ReportFormat } from './render-report.js';
import { renderSarifBatch } from './render-sarif.js';
import type { BatchReport } from './report.js';

/**
 * The report of a run over several apps, as one document: JSON, SARIF and JUnit each have one made for many files
 * (see their renderers); the text and GitHub reports are each app's, one after another (text ones a blank line apart).
 */
export function renderBatchReport(batch: BatchReport, format: ReportFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'json':
      return renderJsonBatch(batch);
    case 'sarif':
      return renderSarifBatch(batch, options.toolVersion);
    case 'junit':
      return renderJunitBatch(batch);
    default:
      return batch.apps.flatMap((app) => (app.report ? [renderReport(app.report, format, options)] : [])).join(format === 'text' ? '\n' : '');
  }
}
