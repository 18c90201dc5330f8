import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'functions/lib/**', '**/dist/**', '.emulators/**', 'test-results/**', 'bench/results/**'] },
  // An eslint-disable comment that no longer disables anything is an error, so none outlives its reason.
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  // Type-checked: each TS file is checked with the tsconfig.json nearest to it
  // (model, functions, plugin, desktop; the root one is tsconfig.tools.json's).
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      // Relaxed: numbers print unambiguously in text; nullish, boolean and object values are still refused.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowAny: false, allowBoolean: false, allowNever: false, allowNullish: false, allowRegExp: false },
      ],
      // Relaxed: `() => setShown(true)` and `() => reject(error)` are plain callbacks; a void value used anywhere else is still refused.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['rules-test/**/*.ts'],
    rules: {
      // Off here: rules-unit-testing's compat Firestore goes to Firebase's own compat overloads of doc()/collection(), typed as another class.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
    },
  },
  {
    // local-stack/README.md: the kit sits beneath the tools that use it, so it imports none of them.
    files: ['local-stack/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/scripts/**', '**/desktop/**', '**/test-support/**', '**/bench/**', '**/e2e/**'], message: 'local-stack imports only itself and model.' }] },
      ],
    },
  },
  {
    // Plain JS config and build files belong to no tsconfig, so there are no types to check them with.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // React code: the rules of hooks, and the React Compiler's checks of the rules of React
    // (refs, purity, immutability, set-state-in-effect…), which hold for React 17 without the compiler too.
    files: ['plugin/**/*.{ts,tsx}', 'desktop/**/*.{ts,tsx}'],
    plugins: reactHooks.configs.flat['recommended-latest'].plugins,
    // Every rule of the set as an error: a warning would let `npm run lint` pass.
    rules: Object.fromEntries(Object.keys(reactHooks.configs.flat['recommended-latest'].rules).map((rule) => [rule, 'error'])),
  },
);
