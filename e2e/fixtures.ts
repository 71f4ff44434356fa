/**
 * The journeys' `test`: Playwright's, plus an `axe` helper that fails on serious or critical WCAG 2.1 A/AA violations.
 *
 *   import { test, expect } from './fixtures';
 *   test('...', async ({ page, axe }) => { ...; await axe.expectNoSeriousA11yViolations(page); });
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

export interface AxeHelper {
  /** Scans the page as it is now (optionally only `include` selectors) and fails listing each serious/critical violation. */
  expectNoSeriousA11yViolations(page: Page, options?: { include?: string; exclude?: string[] }): Promise<void>;
}

export function formatViolations(violations: readonly Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary?.split('\n').join('\n      ') ?? ''}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n    ... and ${v.nodes.length - 5} more` : '';
      return `[${v.impact ?? 'unknown'}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n\n');
}

export const test = base.extend<{ axe: AxeHelper }>({
  axe: async ({}, use, testInfo) => {
    await use({
      async expectNoSeriousA11yViolations(page, options = {}) {
        // A boxed step: a failure points at the journey's line, not at this helper.
        await base.step(
          'axe: no serious or critical WCAG 2.1 AA violations',
          async () => {
            let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
            if (options.include) builder = builder.include(options.include);
            for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
            const results = await builder.analyze();
            const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
            if (blocking.length > 0) {
              await testInfo.attach('axe-violations.json', { body: JSON.stringify(blocking, null, 2), contentType: 'application/json' });
            }
            // Compare the count, so a failure prints the readable list rather than a diff of axe's objects.
            expect(
              blocking.length,
              `Accessibility violations (serious/critical) on ${page.url()}:\n\n${formatViolations(blocking)}\n`,
            ).toBe(0);
          },
          { box: true },
        );
      },
    });
  },
});

export { expect };
