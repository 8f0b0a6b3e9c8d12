import { isWithinPointer, pointerTokens } from '../source/json-pointer.js';
import { maxVersion, type OutputsVersion } from '../outputs/versions.js';
import { getAt, type JsonObject } from './output-tree.js';

/** A value written to the output, remembered for version checks and for re-accounting removed sections. */
export interface Write {
  target: string;
  minVersion: OutputsVersion;
  /** The source fields that went into it, in the order they were written (none for a default). */
  sources: string[];
}

/** What a conversion has written: the output itself, and each write with the source fields behind it. */
export class WrittenOutput {
  /** The outputs without `version`. */
  readonly outputs: JsonObject = {};
  /** Every write, in order. */
  private readonly list: Write[] = [];
  /** The write of each target, for the look-up every write makes. */
  private readonly writeOf = new Map<string, Write>();

  /** What the output holds at a pointer. */
  at(pointer: string): unknown {
    return getAt(this.outputs, pointer);
  }

  /** Whether the output has the top-level section of a target (`/auth` for `/auth/oauth/domain`). */
  hasSectionOf(target: string): boolean {
    const section = pointerTokens(target)[0];
    return section !== undefined && getAt(this.outputs, `/${section}`) !== undefined;
  }

  get writes(): readonly Write[] {
    return this.list;
  }

  /** The first write of a target still in the output. */
  writeAt(target: string): Write | undefined {
    return this.writeOf.get(target);
  }

  /** Records that a source field went into a target (with the version the value needs). */
  recordSource(target: string, source: string, minVersion: OutputsVersion): void {
    const write = this.writeOf.get(target);
    if (write) {
      write.sources.push(source);
      write.minVersion = maxVersion(write.minVersion, minVersion);
    } else {
      this.add({ target, minVersion, sources: [source] });
    }
  }

  add(write: Write): void {
    this.list.push(write);
    if (!this.writeOf.has(write.target)) this.writeOf.set(write.target, write);
  }

  /** Forgets the writes at or below a target (its section was removed). */
  forgetWithin(target: string): void {
    for (let i = this.list.length - 1; i >= 0; i--) {
      const write = this.list[i]!;
      if (!isWithinPointer(write.target, target)) continue;
      this.list.splice(i, 1);
      if (this.writeOf.get(write.target) === write) this.writeOf.delete(write.target);
    }
  }
}
