import { renderGithub } from './render-github.js';
import { renderJson } from './render-json.js';
import { renderJunit } from './render-junit.js';
import { renderSarif } from './render-sarif.js';
import { renderText, type TextRenderOptions } from './render-text.js';
import type { Report } from './report.js';

export const REPORT_FORMATS = ['text', 'json', 'github', 'sarif', 'junit'] as const;

export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderOptions extends TextRenderOptions {
  /** The tool version written into SARIF logs. */
  toolVersion?: string;
}

/** The one entry point for rendering a report. */
export function renderReport(report: Report, format: ReportFormat = 'text', options: RenderOptions = {}): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'github':
      return renderGithub(report);
    case 'sarif':
      return renderSarif(report, options.toolVersion);
    case 'junit':
      return renderJunit(report);
    default:
      return renderText(report, options);
  }
}
