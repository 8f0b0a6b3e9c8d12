import { renderJson } from './render-json.js';
import { renderText, type TextRenderOptions } from './render-text.js';
import type { Report } from './report.js';

export type ReportFormat = 'text' | 'json';

/** The one entry point for rendering a report. */
export function renderReport(report: Report, format: ReportFormat = 'text', options: TextRenderOptions = {}): string {
  return format === 'json' ? renderJson(report) : renderText(report, options);
}
