/**
 * Versions and version ranges, as far as deciding whether a library is at least a given version needs them. Every
 * ecosystem's range syntax is read into one form: a union of intervals of release versions. Pre-release tags are
 * dropped (6.2.0-beta counts as 6.2.0): no lock file pins a pre-release of these libraries in practice.
 */

/** A release version: major, minor, patch. */
export type Version = readonly [number, number, number];

/** One interval of versions; a missing bound is open. */
interface Interval {
  lo?: Version;
  loInclusive: boolean;
  hi?: Version;
  hiInclusive: boolean;
}

/** The versions a range admits: a union of intervals. `undefined` where the range is not a version range (a path, a git branch). */
export type VersionSet = Interval[];

export function parseVersion(text: string): Version | undefined {
  const match = /^\s*[v=]?\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text);
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The version as written for people: "6.2.0". */
export function formatVersion(version: Version): string {
  return version.join('.');
}

/**
 * Whether a range admits only versions from `minimum` on (true), only versions below it (false), or both (undefined).
 * A range that is not one (undefined) decides nothing.
 */
export function rangeVerdict(set: VersionSet | undefined, minimum: Version): boolean | undefined {
  if (set === undefined || set.length === 0) return undefined;
  const allAbove = set.every((interval) => interval.lo !== undefined && compareVersions(interval.lo, minimum) >= 0);
  if (allAbove) return true;
  const allBelow = set.every(
    (interval) =>
      interval.hi !== undefined && (compareVersions(interval.hi, minimum) < 0 || (compareVersions(interval.hi, minimum) === 0 && !interval.hiInclusive)),
  );
  return allBelow ? false : undefined;
}

/** Whether some version the range admits is at least `minimum` (so that upgrading within the range suffices). */
export function rangeAdmits(set: VersionSet | undefined, minimum: Version): boolean {
  if (set === undefined) return false;
  return set.some(
    (interval) =>
      interval.hi === undefined || compareVersions(interval.hi, minimum) > 0 || (compareVersions(interval.hi, minimum) === 0 && interval.hiInclusive),
  );
}

const exactly = (version: Version): Interval => ({ lo: version, loInclusive: true, hi: version, hiInclusive: true });
const from = (lo: Version, hi?: Version): Interval => (hi ? { lo, loInclusive: true, hi, hiInclusive: false } : { lo, loInclusive: true, hiInclusive: false });

/** The parts of a partial version ("6", "6.x", "6.2.*"): how many are given. */
function partial(text: string): { version: Version; given: number } | undefined {
  const match = /^[v=]?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:[-+][0-9A-Za-z.-]*)?$/.exec(text);
  if (!match) return undefined;
  const parts = [match[1], match[2], match[3]];
  let given = 0;
  for (const part of parts) {
    if (part === undefined || /^[xX*]$/.test(part)) break;
    given++;
  }
  const numbers = parts.map((part, index) => (index < given ? Number(part) : 0));
  return { version: [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 0], given };
}

/** The next version after a partial one: 6 -> 7.0.0, 6.2 -> 6.3.0. */
function bump(version: Version, given: number): Version | undefined {
  if (given === 0) return undefined;
  if (given === 1) return [version[0] + 1, 0, 0];
  return [version[0], version[1] + 1, 0];
}

/** One npm or pub comparator (`^6.0.0`, `>=5`, `6.x`) as an interval. */
function comparator(text: string): Interval | undefined {
  const match = /^(\^|~>|~|>=|<=|>|<|=)?\s*(.*)$/.exec(text);
  if (!match) return undefined;
  const operator = match[1] ?? '';
  const parsed = partial(match[2] ?? '');
  if (!parsed) return undefined;
  const { version, given } = parsed;
  if (given === 0) return { loInclusive: true, hiInclusive: false };
  switch (operator) {
    case '^': {
      const hi: Version =
        version[0] > 0 || given === 1 ? [version[0] + 1, 0, 0] : version[1] > 0 || given === 2 ? [0, version[1] + 1, 0] : [0, 0, version[2] + 1];
      return from(version, hi);
    }
    case '~':
      return from(version, given === 1 ? [version[0] + 1, 0, 0] : [version[0], version[1] + 1, 0]);
    case '>=':
      return { lo: version, loInclusive: true, hiInclusive: false };
    case '>':
      return given === 3 ? { lo: version, loInclusive: false, hiInclusive: false } : { lo: bump(version, given), loInclusive: true, hiInclusive: false };
    case '<=':
      return given === 3 ? { loInclusive: true, hi: version, hiInclusive: true } : { loInclusive: true, hi: bump(version, given), hiInclusive: false };
    case '<':
      return { loInclusive: true, hi: version, hiInclusive: false };
    default:
      return given === 3 ? exactly(version) : from(version, bump(version, given));
  }
}

/** The intersection of intervals (one comparator set). */
function intersect(intervals: Interval[]): Interval | undefined {
  let result: Interval = { loInclusive: true, hiInclusive: false };
  for (const interval of intervals) {
    if (
      interval.lo &&
      (!result.lo || compareVersions(interval.lo, result.lo) > 0 || (compareVersions(interval.lo, result.lo) === 0 && !interval.loInclusive))
    ) {
      result = { ...result, lo: interval.lo, loInclusive: interval.loInclusive };
    }
    if (
      interval.hi &&
      (!result.hi || compareVersions(interval.hi, result.hi) < 0 || (compareVersions(interval.hi, result.hi) === 0 && !interval.hiInclusive))
    ) {
      result = { ...result, hi: interval.hi, hiInclusive: interval.hiInclusive };
    }
  }
  if (result.lo && result.hi) {
    const order = compareVersions(result.lo, result.hi);
    if (order > 0 || (order === 0 && !(result.loInclusive && result.hiInclusive))) return undefined;
  }
  return result;
}

/**
 * An npm range (package.json) or a pub constraint (pubspec.yaml): `^6.0.0`, `~5.3`, `>=5 <7`, `6.x`, `1.2.3 - 2`,
 * `a || b`, `any`, `*`. An alias (`npm:aws-amplify@^6`) is read as its range. Tags, paths, URLs and workspace links
 * decide nothing (undefined).
 */
export function parseNpmRange(text: string): VersionSet | undefined {
  let range = text.trim();
  const alias = /^npm:(?:@[^/]+\/)?[^@]+@(.*)$/.exec(range);
  if (alias) range = alias[1] ?? '';
  if (range === '' || range === '*' || range === 'any' || range === 'x') return [{ loInclusive: true, hiInclusive: false }];
  if (/^[a-z]+:|\/|^latest$|^next$/i.test(range)) return undefined;
  const set: VersionSet = [];
  for (const alternative of range.split('||')) {
    const hyphen = /^\s*(\S+)\s+-\s+(\S+)\s*$/.exec(alternative);
    const comparators: Interval[] = [];
    if (hyphen) {
      const lo = partial(hyphen[1] ?? '');
      const hi = partial(hyphen[2] ?? '');
      if (!lo || !hi) return undefined;
      comparators.push({ lo: lo.version, loInclusive: true, hiInclusive: false });
      comparators.push(
        hi.given === 3 ? { loInclusive: true, hi: hi.version, hiInclusive: true } : { loInclusive: true, hi: bump(hi.version, hi.given), hiInclusive: false },
      );
    } else {
      const tokens = alternative
        .replace(/(\^|~>?|[<>]=?|=)\s+/g, '$1')
        .trim()
        .split(/[\s,]+/)
        .filter(Boolean);
      if (tokens.length === 0) return [{ loInclusive: true, hiInclusive: false }];
      for (const token of tokens) {
        const interval = comparator(token);
        if (!interval) return undefined;
        comparators.push(interval);
      }
    }
    const interval = intersect(comparators);
    if (interval) set.push(interval);
  }
  return set;
}

/** A CocoaPods requirement list (`'~> 1.2'`, `'>= 1.0', '< 2.0'`); `~>` keeps every part but the last. */
export function parsePodRequirement(requirements: readonly string[]): VersionSet | undefined {
  const intervals: Interval[] = [];
  for (const requirement of requirements) {
    const match = /^\s*(~>|>=|<=|>|<|=|!=)?\s*([\d.]+)\s*$/.exec(requirement);
    if (!match) return undefined;
    const parsed = partial(match[2] ?? '');
    if (!parsed) return undefined;
    if (match[1] === '~>') {
      const given = Math.max(parsed.given, 1);
      const hi: Version = given <= 2 ? [parsed.version[0] + 1, 0, 0] : [parsed.version[0], parsed.version[1] + 1, 0];
      intervals.push(from(parsed.version, hi));
    } else if (match[1] === '!=') {
    } else {
      const interval = comparator(`${match[1] ?? ''}${formatVersion(parsed.version)}`);
      if (interval) intervals.push(interval);
    }
  }
  const interval = intersect(intervals);
  return interval ? [interval] : [];
}

/** A Gradle version: `2.16.0`, `2.+`, `2.16.+`, Maven ranges `[2.0,3.0)`, `[2.16.0,)`; `latest.release` decides nothing. */
export function parseGradleVersion(text: string): VersionSet | undefined {
  const value = text.trim();
  const prefix = /^(\d+(?:\.\d+)*)\.?\+$/.exec(value);
  if (prefix) {
    const parsed = partial(prefix[1] ?? '');
    if (!parsed) return undefined;
    return [from(parsed.version, bump(parsed.version, parsed.given))];
  }
  const maven = /^([[(])\s*([\d.]*)\s*,\s*([\d.]*)\s*([\])])$/.exec(value);
  if (maven) {
    const lo = maven[2] ? parseVersion(maven[2]) : undefined;
    const hi = maven[3] ? parseVersion(maven[3]) : undefined;
    return [{ lo, loInclusive: maven[1] === '[', hi, hiInclusive: maven[4] === ']' }];
  }
  const version = /^\d+(\.\d+)*([-.][\w.-]*)?$/.test(value) ? parseVersion(value) : undefined;
  return version ? [exactly(version)] : undefined;
}

/** A Swift package requirement as Xcode records it (`upToNextMajorVersion` from a minimum, `exactVersion`, a range). */
export function swiftRequirement(kind: string, minimum?: string, maximum?: string, exact?: string): VersionSet | undefined {
  const lo = minimum !== undefined ? parseVersion(minimum) : undefined;
  switch (kind) {
    case 'upToNextMajorVersion':
      return lo ? [from(lo, [lo[0] + 1, 0, 0])] : undefined;
    case 'upToNextMinorVersion':
      return lo ? [from(lo, [lo[0], lo[1] + 1, 0])] : undefined;
    case 'versionRange': {
      const hi = maximum !== undefined ? parseVersion(maximum) : undefined;
      return lo && hi ? [from(lo, hi)] : undefined;
    }
    case 'exactVersion': {
      const version = exact !== undefined ? parseVersion(exact) : lo;
      return version ? [exactly(version)] : undefined;
    }
    default:
      return undefined;
  }
}

/** A version that is known exactly, as a set. */
export function exactSet(text: string): VersionSet | undefined {
  const version = parseVersion(text);
  return version ? [exactly(version)] : undefined;
}
