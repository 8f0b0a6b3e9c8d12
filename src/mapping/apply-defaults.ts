import { isWithinPointer } from '../source/json-pointer.js';
import type { MappingRun } from './mapping-run.js';
import { cloneJson, setAt } from './output-tree.js';
import type { DefaultRow } from './table-types.js';

/** Fields absent from a section that exists get the table's default (or only a notice that they are unstated). */
export function applyDefaults(run: MappingRun): void {
  for (const [category, table] of Object.entries(run.table.table.categories)) {
    for (const row of table.defaults ?? []) applyDefault(run, category, row);
  }
}

function applyDefault(run: MappingRun, category: string, row: DefaultRow): void {
  const { written } = run;
  const parent = row.target.slice(0, row.target.lastIndexOf('/'));
  if (written.at(parent) === undefined || written.at(row.target) !== undefined) return;
  const noticeOnly = row.value === undefined;
  // A notice that the field is unstated says nothing new where a finding already tells what became of it.
  if (noticeOnly && [...run.findings.entries()].some(([, diagnostic]) => diagnostic.target === row.target)) return;
  if (!noticeOnly) {
    setAt(written.outputs, row.target, cloneJson(row.value));
    written.add({ target: row.target, minVersion: '1', sources: [] });
  }
  if (!row.notice) return;
  // Shown at the first field that went into the section.
  const contributor = written.writes.find((write) => isWithinPointer(write.target, parent) && write.sources.length > 0)?.sources[0] ?? '';
  const field = row.target.slice(1).replace(/\//g, '.');
  run.findings.add(row.notice, category, contributor, run.locOf(contributor), {
    message: noticeOnly
      ? `${field} is not in the input, so it is left unstated.${row.note ? ` ${row.note}` : ''}`
      : `${field} is not in the input; ${JSON.stringify(row.value)} was written.${row.note ? ` ${row.note}` : ''}`,
    target: row.target,
  });
}
