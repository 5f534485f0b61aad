// ESLint flat config: typescript-eslint's type-checked recommended rules over every TypeScript
// file, Prettier owning the layout (eslint-config-prettier switches off the stylistic rules).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import pluginVue from 'eslint-plugin-vue';

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
