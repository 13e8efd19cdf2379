// Lint: typescript-eslint's recommended rules (syntax only, no type information: fast), and the
// layers' boundaries: which part of src/ may import which (DESIGN.md, "one direction of travel").
import js from '@eslint/js';
import globals from 'globals';
import { dirname, relative, resolve } from 'node:path';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

/** Which folder may not import which (paths from the repository's root), and why. */
const BOUNDARIES = [
  { layer: 'src/domain', forbid: ['src/api', 'src/cli', 'src/output', 'src/sandbox'], why: 'the domain is pure: no I/O, no TMF, no terminal' },
  { layer: 'src/api', forbid: ['src/cli', 'src/output', 'src/sandbox'], why: 'api/ maps TMF to the domain; commands and output use it, not the reverse' },
  { layer: 'src/sandbox', forbid: ['src/cli', 'src/api', 'src/output', 'src/bulk', 'src/auth', 'src/config'], why: 'the sandbox is a separate program' },
  { layer: 'src/bulk', forbid: ['src/cli/commands'], why: 'the bulk engine serves commands; it knows none of them' },
];

const inside = (path, folder) => path === folder || path.startsWith(`${folder}/`);

/**
 * layers/boundaries: resolves each relative import (static, re-export or dynamic) against the
 * importing file and reports one that lands in a folder its layer may not import.
 */
const layers = {
  rules: {
    boundaries: {
      meta: { type: 'problem', schema: [], messages: { forbidden: '{{layer}}/ may not import {{target}} ({{why}})' } },
      create(context) {
        const file = relative(root, context.filename);
        const boundary = BOUNDARIES.find(({ layer }) => inside(file, layer));
        if (!boundary) return {};
        const check = (source) => {
          if (source?.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
          const target = relative(root, resolve(dirname(context.filename), source.value));
          if (boundary.forbid.some((folder) => inside(target, folder))) {
            context.report({ node: source, messageId: 'forbidden', data: { layer: boundary.layer, target, why: boundary.why } });
          }
        };
        return {
          ImportDeclaration: (node) => check(node.source),
          ExportNamedDeclaration: (node) => check(node.source),
          ExportAllDeclaration: (node) => check(node.source),
          ImportExpression: (node) => check(node.source),
        };
      },
    },
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-sea/**', 'test-results/**', '.ci-node*/**', '.espace-test/**', 'coverage/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Unused names are dead code; a leading underscore says "unused on purpose".
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // French text needs its no-break spaces (before : ; ? ! and inside « »): in strings and templates they are meant.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true }],
    },
  },
  {
    // The launcher and the single executable's glue are CommonJS (bin/package.json says so).
    files: ['bin/**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Replaced by esbuild's `define` when the single executable is built.
    files: ['scripts/sea/launcher.cjs'],
    languageOptions: { globals: { ESPACE_VERSION: 'readonly' } },
  },
  {
    // Tests read loosely typed wire answers and fixtures.
    files: ['test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['src/**/*.ts'], plugins: { layers }, rules: { 'layers/boundaries': 'error' } },
);
