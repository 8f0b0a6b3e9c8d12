import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../src/index.js';

const README = readFileSync(path.resolve(import.meta.dirname, '../README.md'), 'utf8');

describe('README', () => {
  it('starts with the two commands a newcomer runs', () => {
    const firstBlock = README.split('```')[1] ?? '';
    expect(firstBlock).toContain('npm install && npm start');
    expect(firstBlock).toContain('npm test');
  });

  it('lists every diagnostic code with its severity and title', () => {
    for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) {
      expect(README, code).toContain(`| ${code} | ${info.severity} | ${info.title} |`);
    }
  });
});
