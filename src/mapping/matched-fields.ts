/**
 * The source fields a map row matched (other than a presence row), for telling a field no row could carry ("not
 * carried") apart from one no row knows ("unknown"), and for leaving alone the fields around a matched one.
 */
export class MatchedFields {
  private readonly pointers = new Set<string>();
  /** Proper ancestors of the matched pointers; built when first asked for, after every row has run. */
  private ancestors: Set<string> | undefined;

  add(pointer: string): void {
    this.pointers.add(pointer);
  }

  has(pointer: string): boolean {
    return this.pointers.has(pointer);
  }

  /** Whether a field below the pointer was matched. */
  hasBelow(pointer: string): boolean {
    if (!this.ancestors) {
      this.ancestors = new Set();
      for (const matched of this.pointers) {
        // Deepest first; an ancestor already there has its own ancestors there too.
        for (let end = matched.lastIndexOf('/'); end >= 0; end = end === 0 ? -1 : matched.lastIndexOf('/', end - 1)) {
          const ancestor = matched.slice(0, end);
          if (this.ancestors.has(ancestor)) break;
          this.ancestors.add(ancestor);
        }
      }
    }
    return this.ancestors.has(pointer);
  }
}
