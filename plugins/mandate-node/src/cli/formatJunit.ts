import { Report } from '@mandate-dev/plugin-mandate-common';

function xml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // Characters XML 1.0 cannot carry at all.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}

/**
 * JUnit XML for CI dashboards: a testsuite per service, a testcase per rule; `fail` and `error`
 * are failures (both keep a service from its level), not-applicable is skipped.
 */
export function formatJunit(report: Report): string {
  let failures = 0;
  let tests = 0;
  const suites = report.entities.map(entity => {
    const cases = entity.results.map(result => {
      const open = `    <testcase classname="${xml(
        entity.entityRef,
      )}" name="${xml(result.ruleId)}"`;
      if (result.status === 'fail' || result.status === 'error') {
        const message = result.message ?? result.status;
        const body = (result.evidence ?? []).join('\n');
        return `${open}>\n      <failure type="${result.status}" message="${xml(
          message,
        )}">${xml(body)}</failure>\n    </testcase>`;
      }
      if (result.status === 'not-applicable') {
        return `${open}>\n      <skipped message="not-applicable"/>\n    </testcase>`;
      }
      return `${open}/>`;
    });
    const suiteFailures = entity.results.filter(
      r => r.status === 'fail' || r.status === 'error',
    ).length;
    const skipped = entity.results.filter(
      r => r.status === 'not-applicable',
    ).length;
    failures += suiteFailures;
    tests += entity.results.length;
    return [
      `  <testsuite name="${xml(entity.entityRef)}" tests="${
        entity.results.length
      }" failures="${suiteFailures}" errors="0" skipped="${skipped}" timestamp="${xml(
        report.generatedAt,
      )}">`,
      `    <properties>`,
      `      <property name="level" value="${entity.level}"/>`,
      `      <property name="score" value="${entity.score}"/>`,
      `    </properties>`,
      ...cases,
      `  </testsuite>`,
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="mandate" tests="${tests}" failures="${failures}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
