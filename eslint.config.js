// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Dependency directions from DESIGN.md, enforced on every import.
 * Each entry: the files it governs, and the module patterns they must not import.
 * @type {{ name: string, files: string[], forbidden: { group: string[], message: string }[] }[]}
 */
export const boundaries = [
  {
    name: 'content is the leaf of the tour chain',
    files: ['content/**'],
    forbidden: [
      {
        group: [
          '@dunkirk/authoring',
          '@dunkirk/authoring/*',
          '@dunkirk/tour-pwa',
          '@dunkirk/tour-pwa/*',
          '**/authoring/**',
          '**/tour-pwa/**',
        ],
        message:
          'content must not depend on authoring or tour-pwa (DESIGN.md: tour-pwa → content, authoring → content).',
      },
      {
        group: [
          '@dunkirk/kiosk',
          '@dunkirk/kiosk/*',
          '@dunkirk/rfid-driver',
          '@dunkirk/rfid-driver/*',
          '**/kiosk/**',
          '**/rfid-driver/**',
        ],
        message: 'content knows nothing of the kiosk chain.',
      },
    ],
  },
  {
    name: 'tour-pwa reads packages through content only',
    files: ['tour-pwa/**'],
    forbidden: [
      {
        group: ['@dunkirk/authoring', '@dunkirk/authoring/*', '**/authoring/**'],
        message: 'tour-pwa must never depend on authoring (DESIGN.md: tour-pwa → content).',
      },
      {
        group: [
          '@dunkirk/kiosk',
          '@dunkirk/kiosk/*',
          '@dunkirk/rfid-driver',
          '@dunkirk/rfid-driver/*',
          '**/kiosk/**',
          '**/rfid-driver/**',
        ],
        message: 'tour-pwa knows nothing of the kiosk chain.',
      },
    ],
  },
  {
    name: 'authoring writes packages through content',
    files: ['authoring/**'],
    forbidden: [
      {
        group: [
          '@dunkirk/kiosk',
          '@dunkirk/kiosk/*',
          '@dunkirk/rfid-driver',
          '@dunkirk/rfid-driver/*',
          '**/kiosk/**',
          '**/rfid-driver/**',
        ],
        message: 'authoring knows nothing of the kiosk chain.',
      },
      {
        group: ['@dunkirk/tour-pwa/src/*', '**/tour-pwa/src/**'],
        message:
          'authoring may embed tour-pwa only through its built output or a documented export, never its sources.',
      },
    ],
  },
  {
    name: 'rfid-driver knows nothing of SIP2, loans or Electron',
    files: ['rfid-driver/**'],
    forbidden: [
      {
        group: ['@dunkirk/kiosk', '@dunkirk/kiosk/*', '**/kiosk/**', 'electron', 'electron/*'],
        message: 'rfid-driver must not depend on the kiosk or Electron (DESIGN.md: kiosk → rfid-driver).',
      },
      {
        group: [
          '@dunkirk/content',
          '@dunkirk/content/*',
          '@dunkirk/authoring',
          '@dunkirk/tour-pwa',
          '**/content/**',
          '**/authoring/**',
          '**/tour-pwa/**',
        ],
        message: 'rfid-driver knows nothing of the tour chain.',
      },
    ],
  },
  {
    name: 'reader drivers receive a transport and never import a binding',
    files: ['rfid-driver/src/readers/**', 'rfid-driver/src/iso15693/**', 'rfid-driver/src/iso28560/**'],
    forbidden: [
      {
        group: ['serialport', '@serialport/*', 'node-hid'],
        message:
          'readers and codecs receive a transport; only rfid-driver/src/transport may import a binding (STYLE.md habit 1).',
      },
    ],
  },
  {
    name: 'kiosk knows nothing of the tour chain',
    files: ['kiosk/**'],
    forbidden: [
      {
        group: [
          '@dunkirk/content',
          '@dunkirk/content/*',
          '@dunkirk/authoring',
          '@dunkirk/tour-pwa',
          '**/content/**',
          '**/authoring/**',
          '**/tour-pwa/**',
        ],
        message: 'kiosk knows nothing of the tour chain.',
      },
    ],
  },
  {
    name: 'kiosk renderer and common run in a sandbox',
    files: ['kiosk/src/renderer/**', 'kiosk/src/common/**'],
    forbidden: [
      {
        group: [
          'node:*',
          'fs',
          'path',
          'os',
          'child_process',
          'net',
          'tls',
          'electron',
          'electron/*',
          'better-sqlite3',
          'serialport',
          'node-hid',
          '@dunkirk/rfid-driver',
          '**/node/**',
          '**/main/**',
          '**/preload/**',
          '**/host/**',
        ],
        message:
          'kiosk/src/renderer and kiosk/src/common never import Node, Electron or node-side modules (STYLE.md habit 9).',
      },
    ],
  },
  {
    name: 'kiosk node services do not know Electron',
    files: ['kiosk/src/node/**', 'kiosk/src/host/**', 'kiosk/network/**', 'kiosk/src/network/**'],
    forbidden: [
      {
        group: ['electron', 'electron/*', '**/main/**', '**/preload/**', '**/renderer/**'],
        message: 'kiosk/src/node runs without Electron; only kiosk/src/main wires it into Electron.',
      },
    ],
  },
  {
    name: 'kiosk preload exposes one object and imports only common',
    files: ['kiosk/src/preload/**'],
    forbidden: [
      {
        group: [
          '**/node/**',
          '**/renderer/**',
          '**/host/**',
          'better-sqlite3',
          'serialport',
          'node-hid',
          '@dunkirk/rfid-driver',
        ],
        message: 'the preload may import only electron and kiosk/src/common.',
      },
    ],
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/dist-types/**',
      '**/coverage/**',
      '**/test-artifacts/**',
      '**/.cache/**',
      'test/fixtures/boundaries/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  ...boundaries.map((b) => ({
    name: b.name,
    files: b.files,
    rules: {
      // Flat config replaces a rule's options rather than merging them, so a
      // nested area (kiosk/src/renderer) also carries its workspace's rules.
      'no-restricted-imports': ['error', { patterns: inheritedForbidden(b) }],
    },
  })),
);

/** @param {(typeof boundaries)[number]} b */
function inheritedForbidden(b) {
  const root = (/** @type {string} */ glob) => glob.replace(/\/\*\*$/, '/');
  const parents = boundaries.filter(
    (other) =>
      other !== b &&
      other.files.some((pf) => b.files.every((f) => root(f).startsWith(root(pf)) && root(f) !== root(pf))),
  );
  return [...parents.flatMap((p) => p.forbidden), ...b.forbidden];
}
