import { describe, expect, it } from 'vitest';
import { loadNativeParsers, NATIVE_LANGUAGES } from '../src/migrate/native/parsers.js';

const SAMPLES = {
  dart: "import 'amplifyconfiguration.dart';\nvoid main() { Amplify.configure(amplifyconfig); }\n",
  swift: 'import Amplify\nfunc f() throws { try Amplify.configure() }\n',
  kotlin: 'import com.amplifyframework.core.Amplify\n\nclass A {\n    fun f() {\n        Amplify.configure(applicationContext)\n    }\n}\n',
  java: 'import com.amplifyframework.core.Amplify;\nclass A { void f() { Amplify.configure(getApplicationContext()); } }\n',
} as const;

describe('loadNativeParsers', () => {
  it('loads the four grammars once, and each reads its language without an error', async () => {
    const parsers = await loadNativeParsers();
    expect(await loadNativeParsers()).toBe(parsers);
    for (const language of NATIVE_LANGUAGES) {
      const tree = parsers.parse(language, SAMPLES[language]);
      expect(tree.rootNode.hasError, language).toBe(false);
      expect(tree.rootNode.text).toBe(SAMPLES[language]);
      tree.delete();
    }
  });

  it('gives offsets in UTF-16 code units, as JavaScript strings count them', async () => {
    const parsers = await loadNativeParsers();
    const text = 'class A { String s = "é😀"; int x = 1; }';
    const tree = parsers.parse('java', text);
    const literal = tree.rootNode.descendantsOfType('decimal_integer_literal')[0];
    expect(literal?.startIndex).toBe(text.indexOf('1;'));
    expect(literal?.startPosition.column).toBe(text.indexOf('1;'));
    tree.delete();
  });
});
