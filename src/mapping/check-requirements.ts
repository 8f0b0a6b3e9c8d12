import { mapPlatformText, type PlatformText } from '../diagnostics/platform-text.js';
import { countOf } from '../diagnostics/report.js';
import { isWithinPointer } from '../source/json-pointer.js';
import { isEmptyNode, toPlainValue, type SourceNode } from '../source/source-node.js';
import { compilePattern, type SourceMatch } from './match-source.js';
import type { MappingRun } from './mapping-run.js';
import { removeSection } from './remove-section.js';
import type { SectionRequirement } from './table-types.js';

type Alternative = NonNullable<SectionRequirement['when']>[number];

/** A section that lacks a required field is removed whole, and the fields that went into it are reported. */
export function checkRequirements(run: MappingRun): void {
  for (const [category, table] of Object.entries(run.table.table.categories)) {
    for (const requirement of table.requires ?? []) checkRequirement(run, category, requirement);
  }
}

function checkRequirement(run: MappingRun, category: string, requirement: SectionRequirement): void {
  const { written } = run;
  if (written.at(requirement.section) === undefined) return;
  const missing = requirement.fields.filter((field) => written.at(field) === undefined);
  if (missing.length === 0) return;
  const alternative = alternativeFor(run, requirement, missing);
  const contributors = written.writes.filter((write) => isWithinPointer(write.target, requirement.section)).flatMap((write) => write.sources);
  const first = alternative?.match.pointer ?? contributors[0] ?? '';
  const names = missing.map((field) => field.slice(1).replace(/\//g, '.')).join(', ');
  const index = run.findings.add(alternative?.option.code ?? requirement.code ?? 'SECTION_INCOMPLETE', category, first, run.locOf(first), {
    message:
      alternative?.option.message ??
      `${requirement.section.slice(1).replace(/\//g, '.')} needs ${names}, which the input does not provide, so it is left out of amplify_outputs.json${contributors.length > 0 ? ` with the ${countOf(contributors.length, 'field')} that went into it` : ''}.`,
    resolution: alternative ? fillValue(alternative.option.resolution, alternative.match.node) : requirement.resolution,
    target: requirement.section,
  });
  removeSection(run, requirement.section, index);
}

/** The first of the requirement's `when` alternatives that applies to what is missing and whose source the input has. */
function alternativeFor(run: MappingRun, requirement: SectionRequirement, missing: readonly string[]): { option: Alternative; match: SourceMatch } | undefined {
  for (const option of requirement.when ?? []) {
    if (option.missing && (!option.missing.every((field) => missing.includes(field)) || (option.only && missing.length !== option.missing.length))) continue;
    const match = whenMatch(run, option.source);
    if (match) return { option, match };
  }
  return undefined;
}

/**
 * The field a requirement's `when` names, if the input has it with a value: at a pointer, or the first match of a
 * pattern (such as /auth/{resource}/output/IdentityPoolId) that is not already reported with its resource.
 */
function whenMatch(run: MappingRun, source: string): SourceMatch | undefined {
  const usable = (node: SourceNode): boolean => !isEmptyNode(node) && node.kind !== 'unresolved';
  if (!source.includes('*') && !source.includes('{')) {
    const found = run.index.at(source);
    return found && usable(found.node) ? found : undefined;
  }
  return run.matchesOf(compilePattern(source)).find((match) => usable(match.node) && !run.ledger.isReported(match.node));
}

/** Puts a source value into a resolution text (each platform's) at `{value}`. */
function fillValue(text: PlatformText, node: SourceNode | undefined): PlatformText {
  const value = node ? toPlainValue(node) : undefined;
  return typeof value === 'string' ? mapPlatformText(text, (variant) => variant.replace(/\{value\}/g, value)) : text;
}
