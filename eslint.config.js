import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'dev-dist/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node, ...globals.serviceworker },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Only the storage layer may talk to IndexedDB through Dexie: every other layer goes
      // through a repository, so encryption at rest cannot be bypassed by accident.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'dexie',
              message:
                'Dexie belongs to src/storage/: call a repository instead, so nothing is written to IndexedDB unencrypted.',
            },
            {
              name: '@tanstack/react-router',
              importNames: ['Link'],
              message:
                "Use src/ui/components/Link.tsx: the build leaves TanStack's Link out (vite.config.ts).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/storage/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
