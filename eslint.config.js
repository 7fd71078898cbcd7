import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import prettier from 'eslint-config-prettier'

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'examples/**/node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        structuredClone: 'readonly',
        Response: 'readonly',
        Headers: 'readonly',
        performance: 'readonly'
      }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ]
    }
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly' }
    },
    // CommonJS files exist to be required (scripts/yaml-library.cjs): require is their import.
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    // What an action writes leaves through the secret scrubber (src/actions/common/surfaces.ts).
    files: ['src/actions/**/*.ts'],
    ignores: ['src/actions/common/surfaces.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...[
          'info',
          'debug',
          'notice',
          'warning',
          'error',
          'setFailed',
          'setOutput',
          'exportVariable',
          'group',
          'startGroup',
          'summary',
          'setSecret'
        ].map(property => ({
          object: 'core',
          property,
          message: 'write through `runner` (common/surfaces.ts), which scrubs secrets'
        }))
      ]
    }
  },
  {
    // The pure core must not know about the runner.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@actions/*',
            '@slack/*',
            'nodemailer',
            '../adapters/*',
            '../actions/*',
            '../cli/*'
          ]
        }
      ]
    }
  }
)
