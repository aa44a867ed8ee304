import { checkOpenApiText } from '../../testUtils/checkOpenApiText';
import { versionedRule } from './versioned';

const check = (version: string) =>
  checkOpenApiText(
    versionedRule,
    `openapi: 3.0.3\ninfo:\n  title: pets\n  version: ${version}\npaths: {}\n`,
  );

describe('api.versioned', () => {
  it.each([
    `'1.0'`,
    `'1.0.0'`,
    `1.0.0`,
    `'0.1.0-rc.1'`,
    `'1.0.0-rc.1'`,
    `'2.3.4-alpha-1.beta.0'`,
    `'10.20.30'`,
  ])('passes %s', version => expect(check(version).status).toBe('pass'));

  it.each([
    [`v1.0`],
    [`'01.0'`],
    [`'1.00'`],
    [`'1.0.0+build'`],
    [`'1.0.0-rc.1+build.5'`],
    [`'1'`],
    [`'1.0.0.0'`],
    [`'1.0.0-'`],
    [`'1.0.0-rc..1'`],
    [`'1.0.0-01'`],
    [`'1.0.0-rc_1'`],
    [`' 1.0.0'`],
    [`latest`],
  ])('fails %s', version => {
    const result = check(version);
    expect(result.status).toBe('fail');
    expect(result.evidence[0]).toMatch(
      /is not MAJOR\.MINOR\[\.PATCH\]\[-pre\.release\]/,
    );
  });

  it('fails a number: an unquoted 1.0 in YAML is not the string "1.0"', () => {
    const { fix, failures, ...verdict } = check('1.0');
    expect(verdict).toEqual({
      status: 'fail',
      message: 'the API version is not semantic',
      evidence: ['info.version 1 is a number, not a string (quote it)'],
    });
    expect(failures).toEqual([{ pointer: '/info/version' }]);
    expect(fix).toEqual({
      text: "Set info.version to the string '1.0.0' (from 1)",
      edit: { info: { version: '1.0.0' } },
    });
  });

  it.each([
    ['v2', '2.0.0'],
    [`'01.0'`, '1.0.0'],
    [`'1.0.0+build'`, '1.0.0'],
    [`'1.0.0-rc.1+build.5'`, '1.0.0-rc.1'],
    [`'1.0.0-rc_1'`, '1.0.0'],
    [`'1.0.0.0'`, '1.0.0'],
    ['latest', '1.0.0'],
    ['', '1.0.0'],
  ])(
    'proposes for %s the semantic version %s, which passes',
    (version, proposed) => {
      const { fix } = check(version);
      expect(fix?.edit).toEqual({ info: { version: proposed } });
      expect(fix?.decision).toBeUndefined();
      expect(check(`'${proposed}'`).status).toBe('pass');
    },
  );

  it('fails a missing version', () => {
    expect(check('').evidence).toEqual(['info.version is missing']);
  });
});
