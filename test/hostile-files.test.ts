import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert, convertObject, isConversionError } from '../src/index.js';
import { decodeText } from '../src/cli/inputs/read-input.js';
import { project, runCli } from './support/run-cli.js';
import { snapshot } from './support/snapshot.js';

const EXAMPLE = readFileSync(path.resolve(import.meta.dirname, '../fixtures/convert/aws-exports/example-app/src/aws-exports.js'), 'utf8');
const FLAT = '{\n  "aws_project_region": "eu-west-1",\n  "aws_user_files_s3_bucket": "bucket-1",\n  "aws_user_files_s3_bucket_region": "eu-west-1"\n}\n';

/** The ConversionError a conversion throws (it must throw one). */
function refusal(run: () => unknown): { code: string; line?: number; column?: number } {
  try {
    run();
  } catch (error) {
    if (!isConversionError(error)) throw error;
    return { code: error.diagnostic.code, line: error.diagnostic.source.line, column: error.diagnostic.source.column };
  }
  throw new Error('the conversion did not fail');
}

describe('deep nesting is refused where it starts, without running out of stack', () => {
  const nest = (open: string, close: string, depth: number, inner = ''): string => open.repeat(depth) + inner + close.repeat(depth);

  for (const depth of [201, 5_000, 200_000]) {
    it(`JSON arrays ${depth} deep`, () => {
      expect(refusal(() => convert(`{"aws_project_region":"eu-west-1",\n"x":${nest('[', ']', depth)}}`))).toEqual({
        code: 'NESTING_TOO_DEEP',
        line: 2,
        column: 4 + 200,
      });
    });
    it(`JavaScript objects ${depth} deep`, () => {
      expect(refusal(() => convert(`export default {\n  aws_project_region: 'eu-west-1',\n  x: ${nest('{a:', '}', depth, '1')} };\n`))).toEqual({
        code: 'NESTING_TOO_DEEP',
        line: 3,
        column: 6 + 3 * 199,
      });
    });
    it(`JavaScript parentheses ${depth} deep`, () => {
      expect(refusal(() => convert(`export default { aws_project_region: 'eu-west-1', x: ${nest('(', ')', depth, '1')} };`)).code).toBe('NESTING_TOO_DEEP');
    });
  }

  it('brackets inside strings and comments do not count', () => {
    const result = convert(
      `// ${'['.repeat(500)}\n/* ${'{'.repeat(500)} */\nexport default { aws_project_region: 'eu-west-1', aws_user_files_s3_bucket: '${'('.repeat(500)}', aws_user_files_s3_bucket_region: 'eu-west-1' };\n`,
    );
    expect(result.outputs.storage).toMatchObject({ bucket_name: '('.repeat(500) });
  });

  it('200 levels are still read (a deep unknown field is reported, not refused)', () => {
    const result = convert(`{"aws_project_region":"eu-west-1","x":${nest('[', ']', 199)}}`);
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toContain('UNKNOWN_FIELD');
  });
});

describe('the library refuses what is not a configuration with its documented error', () => {
  it('a text over 10 MiB', () => {
    expect(refusal(() => convert(`{"aws_project_region":"eu-west-1","x":"${'a'.repeat(10 * 1024 * 1024)}"}`)).code).toBe('INPUT_TOO_LARGE');
  });

  it('something that is not a string', () => {
    for (const value of [undefined, null, 42, Buffer.from(FLAT), {}]) expect(refusal(() => convert(value as unknown as string)).code).toBe('INVALID_OPTION');
  });

  it('convertObject: a cycle, a throwing getter, a throwing proxy and a Date are reported, not followed or run', () => {
    const config: Record<string, unknown> = {
      aws_project_region: 'eu-west-1',
      aws_user_files_s3_bucket: 'bucket-1',
      aws_user_files_s3_bucket_region: 'eu-west-1',
    };
    config['self'] = config;
    Object.defineProperty(config, 'trap', {
      enumerable: true,
      get: () => {
        throw new Error('getter ran');
      },
    });
    config['proxy'] = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('trap ran');
        },
      },
    );
    config['when'] = new Date(0);
    const result = convertObject(config);
    expect(result.outputs.storage).toMatchObject({ bucket_name: 'bucket-1' });
    const reported = result.diagnostics.filter((diagnostic) => diagnostic.code === 'NON_LITERAL_VALUE').map((diagnostic) => diagnostic.source.pointer);
    expect(reported.sort()).toEqual(['/proxy', '/self', '/trap', '/when']);
    // The object is already loaded: its values are not said to be known only when a file runs.
    const cycle = result.diagnostics.find((diagnostic) => diagnostic.source.pointer === '/self');
    expect(cycle?.message).toBe('The value `...` (circular reference) cannot be read as configuration data, so it is not converted.');
  });

  it('an object with every one of its 80,000 keys written twice costs about what one without repeats does', () => {
    const keys = Array.from({ length: 80_000 }, (_, index) => `"custom_${index}": ${index}`);
    const once = `{"aws_project_region": "eu-west-1", ${keys.join(', ')}}`;
    const twice = `{"aws_project_region": "eu-west-1", ${keys.join(', ')}, ${keys.join(', ')}}`;
    const timed = (text: string): { ms: number; result: ReturnType<typeof convert> } => {
      const start = performance.now();
      const result = convert(text);
      return { ms: performance.now() - start, result };
    };
    const plain = timed(once);
    const repeated = timed(twice);
    expect(repeated.result.diagnostics.filter((diagnostic) => diagnostic.code === 'DUPLICATE_KEY')).toHaveLength(80_000);
    expect(repeated.result.fields).toHaveLength(plain.result.fields.length);
    // Twice the text takes about twice the time; work that grows with the square of the keys takes over ten times.
    expect(repeated.ms).toBeLessThan(plain.ms * 4 + 1_000);
  }, 60_000);

  describe('a file with thousands of resources takes time that grows with their number, not its square', () => {
    /** The time of a conversion of `make(n)` and of `make(2n)`, the larger one timed after the smaller. */
    const growth = (make: (count: number) => string, count: number, options: Parameters<typeof convert>[1] = {}): { small: number; large: number } => {
      const time = (text: string): number => {
        const start = performance.now();
        convert(text, options);
        return performance.now() - start;
      };
      const small = time(make(count));
      return { small, large: time(make(2 * count)) };
    };

    it('GraphQL APIs of a mobile amplifyconfiguration.json (each reported but one)', () => {
      const apis = (count: number): string =>
        JSON.stringify({
          UserAgent: 'aws-amplify-cli/2.0',
          Version: '1.0',
          api: {
            plugins: {
              awsAPIPlugin: Object.fromEntries(
                Array.from({ length: count }, (_, index) => [
                  `api${index}`,
                  {
                    endpointType: 'GraphQL',
                    endpoint: `https://x${index}.appsync-api.us-east-1.amazonaws.com/graphql`,
                    region: 'us-east-1',
                    authorizationType: 'API_KEY',
                    apiKey: 'da2-x',
                  },
                ]),
              ),
            },
          },
        });
      const { small, large } = growth(apis, 2_000, { from: 'amplifyconfiguration-mobile' });
      // Twice the APIs take about twice the time; work that grows with the square of them takes four times.
      expect(large).toBeLessThan(small * 3 + 300);
    }, 60_000);

    it('geo resources and S3 buckets of an amplify-meta.json', () => {
      const meta = JSON.parse(
        readFileSync(path.resolve(import.meta.dirname, '../fixtures/convert/amplify-meta/everything/amplify/backend/amplify-meta.json'), 'utf8'),
      ) as Record<string, Record<string, unknown>>;
      const copies = (count: number): string => {
        const copy = structuredClone(meta);
        for (const category of ['geo', 'storage']) {
          for (const [name, resource] of Object.entries(meta[category] ?? {}))
            for (let index = 0; index < count; index++) copy[category]![`${name}${index}`] = resource;
        }
        return JSON.stringify(copy);
      };
      const { small, large } = growth(copies, 400);
      expect(large).toBeLessThan(small * 3 + 300);
    }, 60_000);
  });

  it('convertObject: shared objects that would expand without end', () => {
    let shared: Record<string, unknown> = { leaf: 1 };
    for (let level = 0; level < 40; level++) shared = { left: shared, right: shared };
    expect(refusal(() => convertObject({ aws_project_region: 'eu-west-1', x: shared })).code).toBe('INPUT_TOO_LARGE');
  });
});

describe('file contents that are not UTF-8 text', () => {
  it('invalid UTF-8 is refused at its line and column, not replaced', () => {
    const bytes = Buffer.concat([Buffer.from('{\n  "aws_project_region": "eu-w'), Buffer.from([0xe9]), Buffer.from('st-1"\n}\n')]);
    expect(decodeText(bytes)).toEqual({
      problem: 'it is not valid UTF-8 (at line 2, column 30); save it as UTF-8 (as the Amplify CLI writes it) and run again.',
    });
    // Overlong encodings and surrogates are invalid too.
    expect(typeof decodeText(Buffer.from([0x7b, 0xc0, 0xaf, 0x7d]))).toBe('object');
    expect(typeof decodeText(Buffer.from([0x7b, 0xed, 0xa0, 0x80, 0x7d]))).toBe('object');
    expect(decodeText(Buffer.from('{"a": "é ✓ 😀"}'))).toBe('{"a": "é ✓ 😀"}');
  });

  it('the command line says what is wrong with each', () => {
    const cwd = project({});
    writeFileSync(path.join(cwd, 'latin1.json'), Buffer.concat([Buffer.from('{"aws_project_region": "eu-w'), Buffer.from([0xe9]), Buffer.from('st-1"}')]));
    writeFileSync(path.join(cwd, 'utf16.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FLAT, 'utf16le')]));
    writeFileSync(path.join(cwd, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    writeFileSync(path.join(cwd, 'huge.json'), '');
    truncateSync(path.join(cwd, 'huge.json'), 11 * 1024 * 1024);
    const expected: Record<string, string> = {
      'latin1.json': 'Cannot read latin1.json: it is not valid UTF-8 (at line 1, column 29)',
      'utf16.json': 'Cannot read utf16.json: it is UTF-16 text',
      'image.png': 'Cannot read image.png: it is a binary file (a NUL byte at line 3, column 1)',
      'huge.json': 'Cannot read huge.json: it is 11534336 bytes, more than the 10485760 bytes a Gen1 configuration file can be.',
    };
    for (const [file, message] of Object.entries(expected)) {
      const run = runCli(['convert', file, '--dry-run'], cwd);
      expect(run.status, file).toBe(2);
      expect(run.stderr, file).toContain(message);
      expect(run.stderr, file).not.toContain('Internal fault');
    }
  });
});

describe('paths that are not plain files', () => {
  it('a symbolic link to a file is read; a dangling one, a folder and a device are not files to read', () => {
    const cwd = project({ 'real/amplifyconfiguration.json': FLAT });
    symlinkSync(path.join(cwd, 'real/amplifyconfiguration.json'), path.join(cwd, 'linked.json'));
    symlinkSync(path.join(cwd, 'nowhere.json'), path.join(cwd, 'dangling.json'));
    expect(runCli(['convert', 'linked.json', '--dry-run'], cwd).status).toBe(0);
    expect(runCli(['convert', 'dangling.json', '--dry-run'], cwd).stderr).toContain('no such file or folder');
    expect(runCli(['convert', '/dev/zero', '--dry-run'], cwd).stderr).toContain('dev/zero: not a regular file.');
  });

  it('a symbolic link to a project folder converts that project', () => {
    const cwd = project({ 'app/src/aws-exports.js': EXAMPLE, 'app/package.json': '{}' });
    symlinkSync(path.join(cwd, 'app'), path.join(cwd, 'linked-app'));
    const run = runCli(['convert', 'linked-app', '--dry-run'], cwd);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('"version"');
  });

  it('a pipe given as the input is refused, not waited on', () => {
    const cwd = project({});
    execFileSync('mkfifo', [path.join(cwd, 'pipe.json')]);
    const run = runCli(['convert', 'pipe.json', '--dry-run'], cwd);
    expect(run.stderr).toContain('Cannot read pipe.json: not a regular file.');
  });

  it('an output that is a symbolic link, a folder or a pipe is not replaced, and nothing is written', () => {
    const cwd = project({ 'amplifyconfiguration.json': FLAT, 'elsewhere/target.json': 'keep\n', 'folder/keep.txt': 'keep\n' });
    symlinkSync(path.join(cwd, 'elsewhere/target.json'), path.join(cwd, 'link.json'));
    symlinkSync(path.join(cwd, 'elsewhere/missing.json'), path.join(cwd, 'dangling.json'));
    execFileSync('mkfifo', [path.join(cwd, 'pipe')]);
    const cases: Record<string, string> = {
      'link.json': 'link.json is a symbolic link, which would be replaced by a file',
      'dangling.json': 'dangling.json is a symbolic link, which would be replaced by a file',
      folder: 'folder is a directory',
      pipe: 'pipe is not a regular file',
    };
    const before = snapshot(cwd);
    for (const [out, message] of Object.entries(cases)) {
      const run = runCli(['convert', 'amplifyconfiguration.json', '--out', out, '--force'], cwd);
      expect(run.status, out).toBe(2);
      expect(run.stderr, out).toContain(message);
    }
    expect(snapshot(cwd)).toEqual(before);
  });

  it('an output in a missing folder, or below a file, is a clear error', () => {
    const cwd = project({ 'amplifyconfiguration.json': FLAT, 'plain.txt': 'x\n' });
    expect(runCli(['convert', 'amplifyconfiguration.json', '--out', 'missing/amplify_outputs.json'], cwd).stderr).toContain(
      'the folder missing does not exist',
    );
    const belowFile = runCli(['convert', 'amplifyconfiguration.json', '--out', 'plain.txt/amplify_outputs.json'], cwd);
    expect(belowFile.status).toBe(2);
    expect(belowFile.stderr).toMatch(/plain\.txt\/amplify_outputs\.json.*(does not exist|not a folder)/);
    expect(belowFile.stderr).not.toContain('Internal fault');
  });
});
