import type { DiagnosticCode } from '../diagnostics/codes.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatPointer, isWithinPointer, joinPointer, parsePointer, pointerTokens } from '../source/json-pointer.js';
import { isEmptyNode, toPlainValue, type ObjectNode, type SourceDocument, type SourceNode } from '../source/source-node.js';
import { ENGINE_DROP_REASONS } from '../transforms/drop-reasons.js';
import { TRANSFORMS } from '../transforms/registry.js';
import type { ConvertSettings, ReportInit, TransformContext } from '../transforms/transform-context.js';
import { compareVersions, maxVersion, type OutputsVersion } from '../outputs/versions.js';
import { collectLeaves, leafNodes, Ledger, renumberDiagnostics, type FieldDisposition } from './ledger.js';
import { compileTable, type CompiledRow, type CompiledTable } from './compiled-table.js';
import { matchSource, patternCovers, SourceIndex, type SourceMatch } from './match-source.js';
import { cloneJson, deepEqual, deleteAt, getAt, isPlainObject, setAt, type JsonObject } from './output-tree.js';
import { isDropRow, isMapRow, type CategoryTable, type Condition, type MapRow, type MappingTable, type Row } from './table-types.js';

export interface MappingResult {
  /** The outputs without `version`. */
  outputs: JsonObject;
  diagnostics: Diagnostic[];
  fields: FieldDisposition[];
  /** The lowest version that carries everything written. */
  requiredVersion: OutputsVersion;
}

export interface MappingOptions {
  file?: string;
  settings: ConvertSettings;
  /** An explicit version: settings that need a later one are left out and reported. */
  outputsVersion?: OutputsVersion;
}

/** A value written to the output, remembered for version checks and for re-accounting removed sections. */
interface Write {
  target: string;
  minVersion: OutputsVersion;
  sources: string[];
}

const EMPTY_REASON = ENGINE_DROP_REASONS.empty;

/**
 * The generic mapping engine: applies a table to a source document. Format-specific knowledge lives in the
 * readers, the table rows and the named transforms; this file knows none of it.
 */
export function applyTable(document: SourceDocument, table: MappingTable, options: MappingOptions): MappingResult {
  return new TableRun(document, table, options).run();
}

class TableRun {
  private readonly root: ObjectNode;
  private readonly index: SourceIndex;
  private readonly compiled: CompiledTable;
  /** Proper ancestors of the pointers matched by a map row; built when the leftovers are reported. */
  private matchedAncestors: Set<string> | undefined;
  private readonly outputs: JsonObject = {};
  private readonly diagnostics: Diagnostic[] = [];
  private readonly ledger: Ledger;
  private readonly writes: Write[] = [];
  /** The write of each target, for the look-up every write makes. */
  private readonly writeOf = new Map<string, Write>();
  /** Pointers matched by a map row, for telling "not carried" apart from "unknown". */
  private readonly matchedByMapRow = new Set<string>();
  private readonly secretPointers = new Set<string>();
  /** Notices about values that a later step removed again; left out of the result. */
  private readonly withdrawn = new Set<number>();
  private readonly selections = new Map<string, { eligible: ReadonlySet<string>; chosen: string | undefined }>();
  /** The plain values transforms looked up, by node. */
  private readonly lookedUp = new Map<SourceNode, unknown>();
  /** Values transforms work out once per conversion (TransformContext.once), by key. */
  private readonly shared = new Map<string, unknown>();
  /** The DUPLICATE_KEY diagnostic of each key written twice, by the key's pointer. */
  private readonly duplicateReports = new Map<string, number>();
  /**
   * Reports about a field the input lacks (such as an API entry without its endpoint), by the enclosing field they
   * are shown at, when that is within the value the transform was given: the fields left over there are that
   * report's, not unknown ones.
   */
  private readonly missingFieldReports = new Map<string, number>();

  constructor(
    private readonly document: SourceDocument,
    private readonly table: MappingTable,
    private readonly options: MappingOptions,
  ) {
    this.root = document.root;
    this.index = new SourceIndex(document.root);
    this.ledger = new Ledger(this.index.entriesOf);
    this.compiled = compileTable(table);
  }

  run(): MappingResult {
    this.reportReaderIssues();
    if (this.index.hasUnresolved) this.reportUnresolved(this.root, '');
    const categories = Object.entries(this.table.categories);
    for (const row of this.compiled.rows) this.applyRow(row);
    for (const [name, category] of categories) this.applyDefaults(name, category);
    for (const [name, category] of categories) this.checkRequirements(name, category);
    const requiredVersion = this.enforceVersion();
    this.reportLeftovers(this.root, '');
    this.reportShadowed();
    return { outputs: this.outputs, ...this.withoutWithdrawn(), requiredVersion };
  }

  private withoutWithdrawn(): { diagnostics: Diagnostic[]; fields: FieldDisposition[] } {
    if (this.withdrawn.size === 0) return { diagnostics: this.diagnostics, fields: this.ledger.all() };
    const newIndex = new Map<number, number>();
    const diagnostics: Diagnostic[] = [];
    this.diagnostics.forEach((diagnostic, index) => {
      if (this.withdrawn.has(index)) return;
      newIndex.set(index, diagnostics.length);
      diagnostics.push(diagnostic);
    });
    const fields = renumberDiagnostics(this.ledger.all(), newIndex);
    return { diagnostics, fields };
  }

  private reportReaderIssues(): void {
    for (const issue of this.document.issues) {
      if (issue.code === 'DUPLICATE_KEY') this.duplicateReports.set(issue.pointer, this.diagnostics.length);
      const resolution =
        issue.code === 'DUPLICATE_KEY'
          ? 'Remove the duplicate so that the file says what it means.'
          : issue.code === 'MOBILE_HUB_CONSTANTS'
            ? 'No action is needed.'
            : issue.code === 'DART_INTERPOLATION'
              ? 'In a Dart app, write the string as raw (r\'\'\'...\'\'\') or escape the $ so that it compiles.'
              : 'Write the fields out as literal values if they should be converted.';
      this.diagnostics.push(
        createDiagnostic(issue.code, {
          category: 'file',
          message: issue.code === 'DUPLICATE_KEY' ? `The key "${issue.detail}" is written more than once; the last one is used.` : messageForIssue(issue.code, issue.detail),
          resolution,
          source: this.source(issue.pointer, issue.loc),
        }),
      );
    }
  }

  /** Values the reader could not evaluate are reported where they are, before any row runs. */
  private reportUnresolved(node: SourceNode, pointer: string): void {
    if (node.kind === 'unresolved') {
      if (this.coveredByReportOrDrop(pointer)) return;
      const index = this.pushDiagnostic('NON_LITERAL_VALUE', this.categoryOf(pointer), pointer, node.loc, {
        message: `The value \`${node.expression}\` (${node.what}) ${node.why ?? 'is known only when the file runs'}, so it is not converted.`,
        resolution: 'Replace it with the literal value your deployed environment uses (for example from `amplify pull`), or set this field in amplify_outputs.json by hand.',
      });
      this.ledger.settle(node, pointer, { outcome: 'reported', diagnostic: index });
    } else if (node.kind === 'object') {
      for (const entry of this.index.entriesOf(node)) this.reportUnresolved(entry.node, joinPointer(pointer, entry.key));
    } else if (node.kind === 'array') {
      node.items.forEach((item, index) => this.reportUnresolved(item, joinPointer(pointer, index)));
    }
  }

  /** A field that a report or drop row names is handled by that row, whatever its value. */
  private coveredByReportOrDrop(pointer: string): boolean {
    const tokens = pointerTokens(pointer);
    return this.compiled.reportAndDrop.some((pattern) => patternCovers(pattern, tokens));
  }

  /** Whether a match meets the row's `where`, `select` and `unselected` conditions. */
  private accepts(compiled: CompiledRow, match: SourceMatch): boolean {
    const { row } = compiled;
    if (!row.where && !row.select && !row.unselected) return true;
    const bound = lastBinding(match);
    if (!bound) return true;
    if (row.where && !this.meets(row.where, bound)) return false;
    const group = row.select ?? row.unselected;
    if (group === undefined) return true;
    const { eligible, chosen } = this.selection(group, compiled);
    return row.select !== undefined ? bound.key === chosen : eligible.has(bound.key) && bound.key !== chosen;
  }

  private meets(where: Record<string, Condition>, bound: { key: string; pointer: string; all: NonNullable<SourceMatch['bindings']> }): boolean {
    return Object.entries(where).every(([key, condition]) => {
      const named = /^\{(.+)\}$/.exec(key)?.[1];
      let value: unknown;
      if (named !== undefined) value = bound.all[named]?.key;
      else {
        const found = this.index.at(key.startsWith('/') ? bound.pointer + key : joinPointer(bound.pointer, key));
        value = found && found.node.kind !== 'unresolved' ? toPlainValue(found.node) : undefined;
      }
      if (condition === '$present') return value !== undefined;
      if (condition === '$absent') return value === undefined;
      if (Array.isArray(condition)) return condition.includes(value as never);
      if (typeof condition === 'object' && condition !== null) return !condition.not.includes(value as never);
      return value === condition;
    });
  }

  /** The things a selection group can choose from (in file order, not already reported whole) and the chosen one. */
  private selection(group: string, { row, selectionPattern }: CompiledRow): { eligible: ReadonlySet<string>; chosen: string | undefined } {
    let selection = this.selections.get(group);
    if (!selection) {
      const eligible = (selectionPattern ? matchSource(this.root, selectionPattern, this.index.entriesOf) : [])
        .filter((match) => !this.ledger.isReported(match.node))
        .map((match) => lastBinding(match))
        .filter((bound): bound is NonNullable<typeof bound> => bound !== undefined && (!row.where || this.meets(row.where, bound)))
        .map((bound) => bound.key);
      const wanted = this.options.settings.select?.[group];
      // A set: every match of the group's rows asks whether it is eligible.
      selection = { eligible: new Set(eligible), chosen: wanted !== undefined && eligible.includes(wanted) ? wanted : eligible[0] };
      this.selections.set(group, selection);
    }
    return selection;
  }

  private applyRow(compiled: CompiledRow): void {
    const { pattern } = compiled;
    if (pattern.exact) {
      // Most rows name one field, which most documents do not have.
      const match = this.index.atTokens(pattern.tokens, pattern.source);
      if (match) this.applyMatch(compiled, match);
    } else {
      for (const match of matchSource(this.root, pattern, this.index.entriesOf)) this.applyMatch(compiled, match);
    }
  }

  private applyMatch(compiled: CompiledRow, match: SourceMatch): void {
    const { row, category } = compiled;
    if (row.whenEmpty && !isEmptyNode(match.node)) return;
    if (!this.accepts(compiled, match)) return;
    // A thing already reported as a whole (for instance a resource that was never deployed) is not mapped.
    if (isMapRow(row) && row.where && this.ledger.isReported(match.node)) return;
    if (match.node.kind === 'unresolved' && isMapRow(row)) return;
    if (isDropRow(row)) {
      this.ledger.settle(match.node, match.pointer, { outcome: 'dropped', reason: row.drop });
    } else if (isMapRow(row)) {
      this.applyMapRow(category, row, match);
    } else {
      if (this.ledger.isSettled(match.node)) return;
      if (row.secret) this.secretPointers.add(match.pointer);
      const index = this.pushDiagnostic(row.report, category, match.pointer, match.loc, {
        message: row.message ?? undefined,
        resolution: row.resolution,
        severity: row.severity,
      });
      this.ledger.settle(match.node, match.pointer, { outcome: 'reported', diagnostic: index });
    }
  }

  private applyMapRow(category: string, row: MapRow, match: SourceMatch): void {
    const role = row.role ?? 'primary';
    if (row.secret) this.secretPointers.add(match.pointer);
    if (role === 'fallback' && (!this.sectionExists(row.target) || getAt(this.outputs, row.target) !== undefined)) return;
    if (role !== 'presence') this.matchedByMapRow.add(match.pointer);
    if (isEmptyNode(match.node) && !row.keepEmpty) {
      if (role === 'presence' || role === 'fallback') return;
      if (this.ledger.isSettled(match.node)) return;
      if (match.node.kind === 'scalar') {
        const index = this.pushDiagnostic('EMPTY_VALUE', category, match.pointer, match.loc, {
          message: 'The value is empty, so it is not carried.',
          resolution: 'If the app needs this setting, fill in the real value (placeholders and redacted values cannot be converted).',
          target: row.target,
        });
        this.ledger.settle(match.node, match.pointer, { outcome: 'reported', diagnostic: index });
      } else {
        this.ledger.settle(match.node, match.pointer, { outcome: 'dropped', reason: EMPTY_REASON });
      }
      return;
    }
    const transformName = typeof row.transform === 'string' ? row.transform : (row.transform?.name ?? 'copy');
    const transform = TRANSFORMS[transformName];
    if (!transform) throw new Error(`Unknown transform "${transformName}" in table ${this.table.id}`);
    const version = { min: (row.minVersion as OutputsVersion | undefined) ?? '1' };
    const context = new RowContext(this, category, row, match, version);
    const value = transform(toPlainValue(match.node), context);
    if (value === undefined) return;
    const written = this.write(category, row, match, value, version.min);
    if (written === 'conflict') return;
    if (role !== 'presence') this.ledger.settle(match.node, match.pointer, { outcome: 'mapped', target: row.target });
    // A notice is about the value this row put there; a row that only repeats an earlier value says nothing.
    if (row.notice && written !== 'repeated') {
      this.pushDiagnostic(row.notice, category, match.pointer, match.loc, {
        target: row.target,
        resolution: row.noticeResolution,
      });
    }
  }

  get settings(): ConvertSettings {
    return this.options.settings;
  }

  /** The plain value of a source field, for transforms. */
  plainValueAt(pointer: string): unknown {
    const found = this.index.at(pointer);
    if (!found) return undefined;
    const { node } = found;
    if (node.kind === 'scalar') return node.value;
    // Transforms of many resources look up the same section for each (geo, storage): it is made plain once, and
    // every one of them gets the same value (which they only read; see TransformContext.lookup).
    return remembered(this.lookedUp, node, () => toPlainValue(node));
  }

  /** A value worked out once per conversion, for transforms. */
  sharedValue<T>(key: string, compute: () => T): T {
    return remembered(this.shared, key, compute) as T;
  }

  /** A copy of what the output holds at a pointer, for transforms. */
  outputAt(pointer: string): unknown {
    return cloneJson(getAt(this.outputs, pointer));
  }

  /** A transform's report: the field (the match's by default) is reported and counts as such. */
  reportFor(category: string, row: MapRow, match: SourceMatch, code: DiagnosticCode, init: ReportInit | undefined): void {
    const place = this.placeFinding(init?.pointer ?? match.pointer, match);
    const index = this.pushDiagnostic(code, category, place.pointer, place.loc, { target: row.target, ...init, message: place.message(init?.message) });
    if (place.node) this.ledger.settle(place.node, place.pointer, { outcome: 'reported', diagnostic: index });
    // Only inside the value the row gave the transform: what is left over there is the transform's to explain.
    else if (isWithinPointer(place.pointer, match.pointer) && !this.missingFieldReports.has(place.pointer)) this.missingFieldReports.set(place.pointer, index);
  }

  /** A transform's notice about a value it carries. */
  noteFor(category: string, row: MapRow, match: SourceMatch, code: DiagnosticCode, init: ReportInit | undefined): void {
    const place = this.placeFinding(init?.pointer ?? match.pointer, match);
    this.pushDiagnostic(code, category, place.pointer, place.loc, { target: row.target, ...init, message: place.message(init?.message) });
  }

  /**
   * Where a transform's finding about a field is shown: at the field; or, for a field the input does not have, at
   * the nearest enclosing field it has, with the message saying what is missing there. (The field itself, when it
   * is there, counts as reported by a report; a missing one has nothing to count.)
   */
  private placeFinding(pointer: string, match: SourceMatch): { pointer: string; loc: SourceMatch['loc']; node: SourceNode | undefined; message: (text: string | undefined) => string | undefined } {
    const found = this.index.at(pointer);
    if (found) return { pointer, loc: found.loc, node: found.node, message: (text) => text };
    const tokens = parsePointer(pointer);
    const missing: string[] = [];
    let enclosing: ReturnType<SourceIndex['at']>;
    while (tokens.length > 0 && !enclosing) {
      missing.unshift(tokens.pop()!);
      enclosing = this.index.at(formatPointer(tokens));
    }
    const at = enclosing ? formatPointer(tokens) : match.pointer;
    const what = missing.join('/');
    return {
      pointer: at,
      loc: enclosing?.loc ?? match.loc,
      node: undefined,
      message: (text) => (text === undefined ? undefined : `${text.replace(/\.$/, '')}: the input has no ${what} here.`),
    };
  }

  /** A field a transform drops on purpose. */
  dropAt(pointer: string, reason: string): void {
    const found = this.index.at(pointer);
    if (found) this.ledger.settle(found.node, pointer, { outcome: 'dropped', reason });
  }

  /** The match of another source field, for a context about it (where it is not in the input: the row's own place). */
  matchAt(pointer: string, fallback: SourceMatch): SourceMatch {
    const found = this.index.at(pointer);
    return { pointer, node: found?.node ?? fallback.node, loc: found?.loc ?? fallback.loc };
  }

  /** Writes a value; reports a conflict with a different value already there. */
  private write(category: string, row: MapRow, match: SourceMatch, value: unknown, minVersion: OutputsVersion): 'new' | 'repeated' | 'merged' | 'conflict' {
    const existing = getAt(this.outputs, row.target);
    let next = cloneJson(value);
    let outcome: 'new' | 'repeated' | 'merged' = 'new';
    if (existing !== undefined) {
      outcome = deepEqual(existing, next) ? 'repeated' : 'merged';
      if (row.merge === 'union' && Array.isArray(existing) && Array.isArray(next)) {
        next = [...existing, ...next.filter((item) => !existing.some((old) => deepEqual(old, item)))];
      } else if (row.merge === 'object' && isPlainObject(existing) && isPlainObject(next)) {
        next = { ...existing, ...next };
      } else if (row.merge === 'deep' && isPlainObject(existing) && isPlainObject(next)) {
        next = deepMerge(existing, next);
      } else if (!deepEqual(existing, next)) {
        const earlier = this.writeOf.get(row.target);
        const secret = row.secret || (earlier?.sources.some((source) => this.secretPointers.has(source)) ?? false);
        const index = this.pushDiagnostic('CONFLICTING_VALUES', category, match.pointer, match.loc, {
          message: `This field sets ${row.target.slice(1).replace(/\//g, '.')} to ${show(next, secret)}, but ${earlier?.sources[0] ?? 'an earlier field'} already set it to ${show(existing, secret)}; the earlier value is kept.`,
          resolution: 'Check which value is right for the deployed backend and make the Gen1 file consistent.',
          target: row.target,
        });
        this.ledger.settle(match.node, match.pointer, { outcome: 'reported', diagnostic: index });
        return 'conflict';
      }
    }
    setAt(this.outputs, row.target, next);
    const write = this.writeOf.get(row.target);
    if (write) {
      write.sources.push(match.pointer);
      write.minVersion = maxVersion(write.minVersion, minVersion);
    } else {
      this.addWrite({ target: row.target, minVersion, sources: [match.pointer] });
    }
    return outcome;
  }

  private addWrite(write: Write): void {
    this.writes.push(write);
    if (!this.writeOf.has(write.target)) this.writeOf.set(write.target, write);
  }

  private sectionExists(target: string): boolean {
    const section = pointerTokens(target)[0];
    return section !== undefined && getAt(this.outputs, `/${section}`) !== undefined;
  }

  private applyDefaults(category: string, table: CategoryTable): void {
    for (const row of table.defaults ?? []) {
      const parent = row.target.slice(0, row.target.lastIndexOf('/'));
      if (getAt(this.outputs, parent) === undefined || getAt(this.outputs, row.target) !== undefined) continue;
      const noticeOnly = row.value === undefined;
      if (!noticeOnly) {
        setAt(this.outputs, row.target, cloneJson(row.value));
        this.addWrite({ target: row.target, minVersion: '1', sources: [] });
      }
      if (row.notice) {
        const contributor = this.writes.find((write) => isWithinPointer(write.target, parent) && write.sources.length > 0)?.sources[0] ?? '';
        const found = this.index.at(contributor);
        const field = row.target.slice(1).replace(/\//g, '.');
        this.pushDiagnostic(row.notice, category, contributor, found?.loc, {
          message: noticeOnly
            ? `${field} is not in the input, so it is left unstated.${row.note ? ` ${row.note}` : ''}`
            : `${field} is not in the input; ${JSON.stringify(row.value)} was written.${row.note ? ` ${row.note}` : ''}`,
          target: row.target,
        });
      }
    }
  }

  /** A section that lacks a required field is removed whole, and the fields that went into it are reported. */
  private checkRequirements(category: string, table: CategoryTable): void {
    for (const requirement of table.requires ?? []) {
      if (getAt(this.outputs, requirement.section) === undefined) continue;
      const missing = requirement.fields.filter((field) => getAt(this.outputs, field) === undefined);
      if (missing.length === 0) continue;
      let alternative: { option: NonNullable<typeof requirement.when>[number]; match: SourceMatch } | undefined;
      for (const option of requirement.when ?? []) {
        if (option.missing && (!option.missing.every((field) => missing.includes(field)) || (option.only && missing.length !== option.missing.length))) continue;
        const match = this.whenMatch(option.source);
        if (match) {
          alternative = { option, match };
          break;
        }
      }
      const contributors = this.writes.filter((write) => isWithinPointer(write.target, requirement.section)).flatMap((write) => write.sources);
      const first = alternative?.match.pointer ?? contributors[0] ?? '';
      const names = missing.map((field) => field.slice(1).replace(/\//g, '.')).join(', ');
      const index = this.pushDiagnostic(alternative?.option.code ?? requirement.code ?? 'SECTION_INCOMPLETE', category, first, this.index.at(first)?.loc, {
        message: alternative?.option.message ?? `${requirement.section.slice(1).replace(/\//g, '.')} needs ${names}, which the input does not provide, so it is left out of amplify_outputs.json${contributors.length > 0 ? ` with the ${contributors.length} field${contributors.length === 1 ? '' : 's'} that went into it` : ''}.`,
        resolution: alternative ? fillValue(alternative.option.resolution, alternative.match.node) : requirement.resolution,
        target: requirement.section,
      });
      this.removeTarget(requirement.section, index);
    }
  }

  /**
   * The field a requirement's `when` names, if the input has it with a value: at a pointer, or the first match of a
   * pattern (such as /auth/{resource}/output/IdentityPoolId) that is not already reported with its resource.
   */
  private whenMatch(source: string): SourceMatch | undefined {
    const usable = (node: SourceNode): boolean => !isEmptyNode(node) && node.kind !== 'unresolved';
    if (!source.includes('*') && !source.includes('{')) {
      const found = this.index.at(source);
      return found && usable(found.node) ? found : undefined;
    }
    return matchSource(this.root, source, this.index.entriesOf).find((match) => usable(match.node) && !this.ledger.isReported(match.node));
  }

  private removeTarget(target: string, diagnostic: number): void {
    deleteAt(this.outputs, target);
    const referenced = new Set(this.ledger.all().flatMap((field) => (field.outcome === 'reported' ? [field.diagnostic] : [])));
    this.diagnostics.forEach((notice, index) => {
      if (index !== diagnostic && notice.target !== undefined && isWithinPointer(notice.target, target) && !referenced.has(index)) this.withdrawn.add(index);
    });
    for (let i = this.writes.length - 1; i >= 0; i--) {
      const write = this.writes[i]!;
      if (!isWithinPointer(write.target, target)) continue;
      this.writes.splice(i, 1);
      if (this.writeOf.get(write.target) === write) this.writeOf.delete(write.target);
    }
    // Fields mapped into the removed part are reported instead.
    for (const [leaf, field] of this.ledger.settled()) {
      if (field.outcome === 'mapped' && isWithinPointer(field.target, target)) {
        this.ledger.replace(leaf, { pointer: field.pointer, outcome: 'reported', diagnostic });
      }
    }
    // Parents left empty go too.
    const tokens = parsePointer(target);
    while (tokens.length > 1) {
      tokens.pop();
      const parent = formatPointer(tokens);
      const value = getAt(this.outputs, parent);
      if (isPlainObject(value) && Object.keys(value).length === 0) deleteAt(this.outputs, parent);
      else break;
    }
  }

  private enforceVersion(): OutputsVersion {
    let required: OutputsVersion = '1';
    for (const write of this.writes) required = maxVersion(required, write.minVersion);
    const requested = this.options.outputsVersion;
    if (!requested || compareVersions(required, requested) <= 0) return requested ?? required;
    for (const write of [...this.writes]) {
      if (compareVersions(write.minVersion, requested) <= 0 || getAt(this.outputs, write.target) === undefined) continue;
      const first = write.sources[0] ?? '';
      const index = this.pushDiagnostic('VERSION_TOO_LOW', this.categoryOf(first), first, this.index.at(first)?.loc, {
        message: `${write.target.slice(1).replace(/\//g, '.')} needs amplify_outputs.json version ${write.minVersion} or later, and version ${requested} was requested, so it is left out.`,
        resolution: `Convert with --outputs-version ${write.minVersion} (or auto) if your Amplify libraries support it.`,
        target: write.target,
      });
      this.removeTarget(write.target, index);
    }
    return requested;
  }

  /** Every leaf no row accounted for is reported: nothing is dropped silently. */
  private reportLeftovers(node: SourceNode, pointer: string): void {
    if (this.ledger.isSettled(node)) return;
    const missingField = this.missingFieldReports.size > 0 ? this.missingFieldReportOver(pointer) : undefined;
    if (missingField !== undefined) {
      this.ledger.settle(node, pointer, { outcome: 'reported', diagnostic: missingField });
      return;
    }
    const untouched = this.ledger.isUntouched(node);
    if (untouched && (node.kind !== 'object' || pointer !== '') && !this.hasMatchedDescendant(pointer)) {
      const matched = this.matchedByMapRow.has(pointer);
      const index = this.pushDiagnostic(matched ? 'VALUE_NOT_CARRIED' : 'UNKNOWN_FIELD', this.categoryOf(pointer), pointer, this.locOf(pointer), {
        message: matched
          ? 'A mapping row matched this value but could not carry it.'
          : `"${parsePointer(pointer).join('.')}" is not a field the Gen1 tools write, and no mapping row covers it, so it is not carried.`,
        resolution: matched
          ? 'Please report this with the file; meanwhile set the value in amplify_outputs.json by hand.'
          : 'If your app reads this field, carry it yourself (for example under custom in amplify_outputs.json); otherwise remove it.',
      });
      this.ledger.settle(node, pointer, { outcome: 'reported', diagnostic: index });
      return;
    }
    if (node.kind === 'object') {
      for (const entry of this.index.entriesOf(node)) this.reportLeftovers(entry.node, joinPointer(pointer, entry.key));
    } else if (node.kind === 'array') {
      node.items.forEach((item, index) => this.reportLeftovers(item, joinPointer(pointer, index)));
    } else {
      const index = this.pushDiagnostic(this.matchedByMapRow.has(pointer) ? 'VALUE_NOT_CARRIED' : 'UNKNOWN_FIELD', this.categoryOf(pointer), pointer, this.locOf(pointer), {
        resolution: 'If your app reads this field, carry it yourself (for example under custom in amplify_outputs.json); otherwise remove it.',
      });
      this.ledger.settle(node, pointer, { outcome: 'reported', diagnostic: index });
    }
  }

  /** The report about a missing field shown at this pointer or at one enclosing it, if any. */
  private missingFieldReportOver(pointer: string): number | undefined {
    for (const [at, index] of this.missingFieldReports) if (isWithinPointer(pointer, at)) return index;
    return undefined;
  }

  /**
   * Values shadowed by a later copy of their key are not converted; their fields count as reported by the
   * DUPLICATE_KEY diagnostic, except where the copy that counts has a field of the same pointer.
   */
  private reportShadowed(): void {
    if (this.index.shadowed.length === 0) return;
    const accounted = new Set(this.ledger.all().map((field) => field.pointer));
    for (const shadowed of this.index.shadowed) {
      const diagnostic = this.duplicateReports.get(shadowed.pointer);
      if (diagnostic === undefined) continue;
      for (const leaf of leafNodes(shadowed.node, shadowed.pointer)) {
        if (accounted.has(leaf.pointer)) continue;
        accounted.add(leaf.pointer);
        this.ledger.replace(leaf.node, { pointer: leaf.pointer, outcome: 'reported', diagnostic });
      }
    }
  }

  private hasMatchedDescendant(pointer: string): boolean {
    if (!this.matchedAncestors) {
      this.matchedAncestors = new Set();
      for (const matched of this.matchedByMapRow) {
        // Deepest first; an ancestor already there has its own ancestors there too.
        for (let end = matched.lastIndexOf('/'); end >= 0; end = end === 0 ? -1 : matched.lastIndexOf('/', end - 1)) {
          const ancestor = matched.slice(0, end);
          if (this.matchedAncestors.has(ancestor)) break;
          this.matchedAncestors.add(ancestor);
        }
      }
    }
    return this.matchedAncestors.has(pointer);
  }

  private locOf(pointer: string): SourceMatch['loc'] | undefined {
    return this.index.at(pointer)?.loc;
  }

  /** The category of the first row whose source pattern covers the pointer ("general" when none does). */
  private categoryOf(pointer: string): string {
    return this.compiled.categoryOf(pointer);
  }

  private pushDiagnostic(code: DiagnosticCode, category: string, pointer: string, loc: SourceMatch['loc'] | undefined, init: ReportInit & { target?: string }): number {
    const diagnostic = createDiagnostic(code, {
      category,
      message: init.message,
      resolution: init.resolution,
      severity: init.severity,
      target: init.target,
      source: this.source(pointer, loc),
    });
    this.diagnostics.push(diagnostic);
    return this.diagnostics.length - 1;
  }

  private source(pointer: string, loc: SourceMatch['loc'] | undefined): Diagnostic['source'] {
    const located = loc !== undefined && loc.line > 0;
    return { file: this.options.file, pointer, line: located ? loc.line : undefined, column: located ? loc.column : undefined };
  }
}

/**
 * What a transform may do, for one match of one map row. One object per match, with its methods on the prototype:
 * cheaper than a set of closures for each of the dozens of fields a conversion maps.
 */
class RowContext implements TransformContext {
  readonly options: Readonly<Record<string, unknown>>;
  readonly settings: Readonly<ConvertSettings>;

  constructor(
    private readonly run: TableRun,
    private readonly category: string,
    private readonly row: MapRow,
    private readonly match: SourceMatch,
    /** The version the row's value needs, shared with the contexts made from this one. */
    private readonly version: { min: OutputsVersion },
  ) {
    this.options = typeof row.transform === 'object' ? (row.transform.options ?? {}) : {};
    this.settings = run.settings;
  }

  get pointer(): string {
    return this.match.pointer;
  }

  get target(): string {
    return this.row.target;
  }

  about(pointer: string): TransformContext {
    return new RowContext(this.run, this.category, this.row, this.run.matchAt(pointer, this.match), this.version);
  }

  lookup(pointer: string): unknown {
    return this.run.plainValueAt((this.row.base ?? '') + pointer);
  }

  lookupAbsolute(pointer: string): unknown {
    return this.run.plainValueAt(pointer);
  }

  once<T>(key: string, compute: () => T): T {
    return this.run.sharedValue(key, compute);
  }

  output(pointer: string): unknown {
    return this.run.outputAt(pointer);
  }

  report(code: DiagnosticCode, init?: ReportInit): void {
    this.run.reportFor(this.category, this.row, this.match, code, init);
  }

  drop(pointer: string, reason: string): void {
    this.run.dropAt(pointer, reason);
  }

  note(code: DiagnosticCode, init?: ReportInit): void {
    this.run.noteFor(this.category, this.row, this.match, code, init);
  }

  requireVersion(version: string): void {
    this.version.min = maxVersion(this.version.min, version as OutputsVersion);
  }
}

/** Objects merged key by key, lists joined without repeats; on a conflict of plain values the earlier one stays. */
function deepMerge(earlier: JsonObject, later: JsonObject): JsonObject {
  const result: JsonObject = { ...earlier };
  for (const [key, value] of Object.entries(later)) {
    const old = result[key];
    if (old === undefined) result[key] = value;
    else if (isPlainObject(old) && isPlainObject(value)) result[key] = deepMerge(old, value);
    else if (Array.isArray(old) && Array.isArray(value)) result[key] = [...old, ...value.filter((item) => !old.some((o) => deepEqual(o, item)))];
  }
  return result;
}

/** The value kept in `map` for `key`, worked out (and kept) the first time it is asked for. */
function remembered<K, V>(map: Map<K, V>, key: K, compute: () => V): V {
  if (!map.has(key)) map.set(key, compute());
  return map.get(key) as V;
}

/** The thing the last `{name}` token of a pattern matched. */
function lastBinding(match: SourceMatch): { key: string; pointer: string; all: NonNullable<SourceMatch['bindings']> } | undefined {
  const all = match.bindings;
  if (!all) return undefined;
  const names = Object.keys(all);
  const last = all[names[names.length - 1] ?? ''];
  return last ? { ...last, all } : undefined;
}

/** Puts a source value into a resolution text at `{value}`. */
function fillValue(text: string, node: SourceNode | undefined): string {
  const value = node ? toPlainValue(node) : undefined;
  return typeof value === 'string' ? text.replace(/\{value\}/g, value) : text;
}

function show(value: unknown, secret: boolean): string {
  if (secret) return '(a secret value)';
  return JSON.stringify(value);
}

function messageForIssue(code: string, detail: string): string {
  if (code === 'DART_INTERPOLATION') return `The configuration string contains \`${detail}\`, which Dart reads as an interpolation; it was read as the literal text.`;
  if (code === 'SPREAD_NOT_EVALUATED') return `The spread \`${detail}\` adds fields only when the file runs; they are not converted.`;
  if (code === 'COMPUTED_KEY_NOT_EVALUATED') return `The computed key \`${detail}\` is known only when the file runs; that field is not converted.`;
  return `The configuration was read from ${detail} declared at the top level of the file.`;
}

export { collectLeaves };
