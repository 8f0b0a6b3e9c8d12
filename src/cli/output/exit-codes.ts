/** The exit codes of the command line, documented in README.md. */
export const EXIT = {
  /** Converted, no error diagnostics. */
  OK: 0,
  /** Converted, but error diagnostics exist: a field the app needs could not be carried. */
  FINDINGS: 1,
  /** Usage error, unreadable or unparsable input, or a refusal to overwrite. */
  USAGE: 2,
  /** A bug in this tool. */
  INTERNAL: 3,
} as const;
