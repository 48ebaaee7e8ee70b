// @ts-check
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Layers are enforced here, not by memory (see ../shared/DESIGN.md). */
const nodeModules = {
  group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http'],
  message: 'Node is not available here.',
}
const electron = {
  group: ['electron', 'electron/*', 'electron-store', 'electron-updater'],
  message: 'Electron stays in src/main/index.ts and src/preload.',
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip)$/]',
          message: 'No focused or skipped tests.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeModules,
            electron,
            {
              group: ['react', 'react-dom', '**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'src/shared imports nothing from the other layers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeModules,
            electron,
            { group: ['**/main/**', '**/preload/**'], message: 'The renderer talks to main only through the Api.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeModules,
            {
              group: ['zod', '**/main/**', '**/renderer/**', '**/shared/contract'],
              message: 'The sandboxed preload bundles only channel names and the bridge.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts'],
    rules: {
      // Types from electron are fine (they vanish at build); values would tie the core to Electron.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { ...electron, allowTypeImports: true },
            {
              group: ['**/renderer/**', '**/preload/**'],
              message: 'Main does not import the renderer or the preload.',
            },
          ],
        },
      ],
    },
  },
)
