import { describe, expect, it } from 'vitest';
import { convert, convertObject } from '../src/index.js';

describe('keys that could reach object prototypes', () => {
  const json =
    '{"aws_project_region":"us-east-1","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"oauth":{"__proto__":{"x":1}},"aws_user_files_s3_bucket":"b","aws_user_files_s3_bucket_region":"us-east-1"}';

  it('are reported as unknown fields and change no prototype (JSON)', () => {
    const result = convert(json);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(result.outputs).toEqual({ version: '1', storage: { aws_region: 'us-east-1', bucket_name: 'b' } });
    const reported = result.diagnostics.filter((diagnostic) => diagnostic.code === 'UNKNOWN_FIELD').map((diagnostic) => diagnostic.source.pointer);
    // oauth holds nothing known, so it is reported whole.
    expect(reported).toEqual(expect.arrayContaining(['/__proto__', '/constructor', '/oauth']));
  });

  it('are reported as unknown fields and change no prototype (JavaScript)', () => {
    const result = convert(`export default { aws_project_region: 'us-east-1', ['__proto__']: { polluted: true }, "__proto__": { polluted: true } };`);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(result.outputs).toEqual({ version: '1' });
  });

  it('are safe in convertObject too', () => {
    const object = JSON.parse(json) as Record<string, unknown>;
    convertObject(object);
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
