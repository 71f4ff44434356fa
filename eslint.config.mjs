// @ts-check
/**
 * One lint for the whole repository: `npx eslint --max-warnings 0 .` (part of `npm test`).
 *
 * - All TypeScript: typescript-eslint strict-type-checked + stylistic-type-checked, with type information from the
 *   project's tsconfigs (projectService), plus the rules the architecture asks for: no floating promises, exhaustive
 *   switches, type-only imports, no focused tests.
 * - src/app: angular-eslint (TypeScript, templates, template accessibility) and @ngrx's store and effects rules.
 * - Formatting belongs to Prettier (.prettierrc.json); no formatting rules here.
 * Relaxations carry the reason next to them.
 */
import js from '@eslint/js'; // ships with eslint itself
import ngrx from '@ngrx/eslint-plugin/v9';
import angular from 'angular-eslint';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals'; // ships with eslint itself
import { readFileSync } from 'node:fs';
import tseslint from 'typescript-eslint';

const TS = ['**/*.ts', '**/*.mts', '**/*.cts'];
const JS = ['**/*.js', '**/*.mjs', '**/*.cjs'];
const APP_TS = ['src/app/**/*.ts'];
const APP_HTML = ['src/app/**/*.html', 'src/index.html'];
const TESTS = ['**/*.spec.ts', 'e2e/**/*.ts'];

/** The component/directive selector prefix from angular.json (the CLI's default `app` until it exists). */
function selectorPrefix() {
  try {
    const projects = Object.values(JSON.parse(readFileSync(new URL('./angular.json', import.meta.url), 'utf8')).projects ?? {});
    return projects.find((p) => typeof p?.prefix === 'string')?.prefix ?? 'app';
  } catch {
    return 'app';
  }
}
const PREFIX = selectorPrefix();

const FOCUSED = 'Focused tests skip the rest of the suite: remove the focus before committing.';

export default defineConfig(
  globalIgnores([
    'dist/',
    '.angular/',
    'node_modules/',
    '.tmp/',
    'coverage/',
    'data/',
    'bench/.data/',
    'src/server/db/migrations/',
    'playwright-report/',
    'test-results/',
    'blob-report/',
  ]),

  // ------------------------------------------------------------------ every file
  {
    name: 'fbss/all',
    files: [...TS, ...JS],
    extends: [js.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-restricted-globals': ['error', { name: 'fdescribe', message: FOCUSED }, { name: 'fit', message: FOCUSED }],
    },
  },

  // ------------------------------------------------------------------ JavaScript (config files): Node globals, no type information
  {
    name: 'fbss/js',
    files: JS,
    languageOptions: { globals: { ...globals.node } },
  },

  // ------------------------------------------------------------------ TypeScript, type-checked
  {
    name: 'fbss/ts',
    files: TS,
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Numbers and booleans in template literals read fine ("3 passed", "retry: true"); objects and nullish values stay errors.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `text || 'fallback'` deliberately treats an empty string as missing; `??` is still required for other types.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
      // `onClick={() => doSomething()}`-style arrow shorthands returning void are clear; other void misuse stays an error.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // `env['PORT']`, `errors['zod']`: the codebase writes index-signature access with brackets (as TypeScript's
      // noPropertyAccessFromIndexSignature would); dot access to declared properties is still required.
      '@typescript-eslint/dot-notation': ['error', { allowIndexSignaturePropertyAccess: true }],
      // Type aliases and interfaces are both fine; zod's z.infer gives aliases.
      '@typescript-eslint/consistent-type-definitions': 'off',
    },
  },

  // ------------------------------------------------------------------ Angular SPA
  {
    name: 'fbss/app',
    files: APP_TS,
    extends: [angular.configs.tsRecommended, ngrx.configs.store, ngrx.configs.effectsTypeChecked],
    processor: angular.processInlineTemplates,
    rules: {
      // Angular classes carry their meaning in decorators (a component with no members, a routes-only module).
      '@typescript-eslint/no-extraneous-class': 'off',
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
      '@angular-eslint/prefer-signals': 'error',
      '@angular-eslint/prefer-output-readonly': 'error',
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: PREFIX, style: 'kebab-case' }],
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: PREFIX, style: 'camelCase' }],
      '@angular-eslint/use-lifecycle-interface': 'error', // 'warn' upstream; warnings fail here anyway (--max-warnings 0)
    },
  },
  {
    name: 'fbss/app-templates',
    files: APP_HTML,
    extends: [angular.configs.templateRecommended, angular.configs.templateAccessibility],
    rules: {},
  },

  // ------------------------------------------------------------------ API server
  {
    name: 'fbss/server',
    files: ['src/server/**/*.ts'],
    rules: {
      // Fastify tells plugins and hooks apart by being async; `async (app) => { app.get(...) }` with no await is its
      // documented plugin form, and async handlers may simply return. Floating and misused promises stay errors.
      '@typescript-eslint/require-await': 'off',
    },
  },

  // ------------------------------------------------------------------ tests (Jasmine, Karma, Playwright)
  {
    name: 'fbss/tests',
    files: TESTS,
    rules: {
      // `expect(spy.method).toHaveBeenCalled()` and `spyOn(obj, 'method')` pass methods unbound by design.
      '@typescript-eslint/unbound-method': 'off',
      // Playwright fixtures without dependencies are written `async ({}, use) => ...` (its documented form).
      'no-empty-pattern': 'off',
      // Specs assert on values the test itself just set up; a non-null assertion states that plainly.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Response bodies arrive as `any` (Fastify's inject().json(), TestBed.inject(MockStore)); specs read them
      // (`res.json().items.map(...)`) to assert on them, where a wrong shape fails the assertion.
      // Returning or passing `any` on (no-unsafe-return, no-unsafe-argument) stays an error.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      'no-restricted-syntax': ['error', { selector: "CallExpression > MemberExpression.callee[property.name='only']", message: FOCUSED }],
    },
  },
);
