/** The script of a Vue or Svelte single-file component: its text, where it starts, and its language. */
export interface ScriptBlock {
  /** Offset of the script's first character (just after the `<script ...>` tag) in the component's text. */
  start: number;
  text: string;
  /** The 1-based line and column of that first character. */
  position: { line: number; column: number };
  language: 'js' | 'jsx' | 'ts' | 'tsx';
}

/** `<!-- ... -->` comments (skipped: a commented-out script is not a script) and `<script ...>...</script>` blocks. */
const BLOCKS = /<!--[\s\S]*?-->|<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script\s*>/gi;

/**
 * The `<script>` blocks of a component (Vue: `<script>` and `<script setup>`; Svelte: the instance and the
 * `context="module"` script), TypeScript where `lang="ts"` says so. Only these are parsed and rewritten.
 */
export function scriptBlocks(text: string): ScriptBlock[] {
  const blocks: ScriptBlock[] = [];
  for (const match of text.matchAll(BLOCKS)) {
    const content = match[2];
    if (content === undefined) continue;
    const attributes = match[1] ?? '';
    const start = (match.index ?? 0) + match[0].length - content.length - (match[0].length - match[0].lastIndexOf('</'));
    const before = text.slice(0, start);
    const line = before.split('\n').length;
    const column = start - (before.lastIndexOf('\n') + 1) + 1;
    const lang = /\blang\s*=\s*["']?([\w-]+)/i.exec(attributes)?.[1]?.toLowerCase();
    blocks.push({
      start,
      text: content,
      position: { line, column },
      language: lang === 'ts' || lang === 'typescript' ? 'ts' : lang === 'tsx' || lang === 'jsx' ? lang : 'js',
    });
  }
  return blocks;
}
