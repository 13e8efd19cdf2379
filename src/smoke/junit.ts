/**
 * The smoke report as JUnit XML, the format CI systems display: one test suite, one test case per
 * step, a <failure> for a failed step and <skipped/> for a skipped one, times in seconds.
 */
import type { StepReport } from './journey.js';

export function junitXml(reports: readonly StepReport[], suite: { name: string; timestamp: string; hostname: string }): string {
  const failures = reports.filter((report) => report.status === 'failed').length;
  const skipped = reports.filter((report) => report.status === 'skipped').length;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const total = reports.reduce((sum, report) => sum + report.ms, 0);
  const cases = reports.map((report) => {
    const open = `    <testcase classname="espace.smoke" name="${xmlText(report.name)}" time="${seconds(report.ms)}"`;
    if (report.status === 'passed') return `${open}/>`;
    if (report.status === 'skipped') return `${open}>\n      <skipped message="${xmlText(report.detail ?? '')}"/>\n    </testcase>`;
    const error = report.error!;
    const body = [error.message, error.status === null ? '' : `HTTP ${error.status}`, error.requestId === null ? '' : `request id ${error.requestId}`]
      .filter(Boolean)
      .join('\n');
    return `${open}>\n      <failure message="${xmlText(error.message)}" type="${xmlText(error.code)}">${xmlText(body)}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlText(suite.name)}" tests="${reports.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(total)}">`,
    `  <testsuite name="${xmlText(suite.name)}" tests="${reports.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(total)}" timestamp="${xmlText(suite.timestamp)}" hostname="${xmlText(suite.hostname)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/** Escapes text for an attribute or element, dropping characters XML 1.0 cannot carry at all. */
export function xmlText(text: string): string {
  return text
    .replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
