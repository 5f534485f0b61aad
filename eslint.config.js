// ESLint flat config: typescript-eslint's type-checked recommended rules over every TypeScript
// file, Prettier owning the layout (eslint-config-prettier switches off the stylistic rules).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import pluginVue from 'eslint-plugin-vue';

const PURE = 'src/core is pure: no I/O, no Node or DOM, no hosts (docs/ARCHITECTURE.md).';
const BYTES = 'src/xlsx works on bytes: no files, processes or threads, no hosts (docs/ARCHITECTURE.md).';
const DOCX =
  'src/docx renders reports to bytes: no Node globals, files, processes or threads, no hosts (docs/ARCHITECTURE.md).';
const global = (name, message) => ({ name, message });
const NODE_GLOBALS = ['Buffer', 'process', 'require', '__dirname', '__filename', 'setImmediate'].map((g) =>
  global(g, `${g} is Node's; ${PURE}`),
);
const BROWSER_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'fetch',
  'XMLHttpRequest',
  'Office',
  'Excel',
].map((g) => global(g, `${g} belongs to a host; src/core and src/xlsx run in every host.`));
const NODE_BUILTINS = [
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'stream',
  'url',
  'crypto',
  'zlib',
];
const NODE_IO = [
  'node:fs',
  'node:fs/*',
  'fs',
  'fs/*',
  'node:child_process',
  'child_process',
  'node:worker_threads',
  'worker_threads',
  'node:os',
  'os',
];
const HOST_LAYERS = ['**/host/*', '**/cli/*', '**/cli/**', '**/addin/**', '**/server/**', '**/web/**'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-web/',
      'out/',
      'test-artifacts/',
      'coverage/',
      'reports/',
      '.stryker-tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // The layers' boundaries (docs/ARCHITECTURE.md). Types alone cannot hold them outside src/core: the
  // docx library's typings bring Node's globals into any program that renders a report (src/docx).
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...NODE_GLOBALS, ...BROWSER_GLOBALS],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                ...NODE_BUILTINS,
                'exceljs',
                'docx',
                '**/xlsx/*',
                '**/docx/*',
                ...HOST_LAYERS,
              ],
              message: PURE,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/xlsx/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...NODE_GLOBALS.filter((g) => g.name !== 'Buffer'),
        ...BROWSER_GLOBALS,
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: [...NODE_IO, ...HOST_LAYERS], message: BYTES }] },
      ],
    },
  },
  {
    files: ['src/docx/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...NODE_GLOBALS.map((g) => ({ ...g, message: `${g.name} is Node's; ${DOCX}` })),
        ...BROWSER_GLOBALS,
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', ...NODE_BUILTINS, '**/xlsx/*', ...HOST_LAYERS], message: DOCX }] },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  // The web pages' single-file components: Vue's rules, TypeScript parsed without type information
  // (the type checker for .vue files is vue-tsc, run by `npm run typecheck`).
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], projectService: false },
    },
    // TypeScript (vue-tsc) checks names; ESLint's core rule knows no DOM or TS types.
    rules: { ...tseslint.configs.disableTypeChecked.rules, 'no-undef': 'off' },
  },
  prettier,
);
