// The import rules of docs/architecture.md, "Parts and import rules", kept in one place so that a test can lint
// fixture code against exactly the rules the project is linted with.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', ...builtinModules.flatMap((name) => [name, `${name}/*`])];

const folder = (name) => ({
  group: [`**/${name}`, `**/${name}/**`, name, `${name}/**`],
  message: `import across folders: ${name} is not reachable from here (docs/architecture.md, "Parts and import rules").`,
});

const pureCode = {
  group: nodeBuiltins,
  message:
    'src-shared is pure: no Node built-ins or other I/O (docs/architecture.md, "Parts and import rules").',
};

const rendererForbidden = {
  group: [...nodeBuiltins, 'better-sqlite3', 'better-sqlite3/**'],
  message: 'the renderer runs in a sandbox: no Node built-ins or native modules.',
};

const electronOutsideShell = {
  group: ['electron', 'electron/**'],
  message: 'only src-main/electron/ may import electron: the till core runs in plain Node.',
};

const restrict = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { paths, patterns }],
});

const named = (names, message) => names.map((name) => ({ name, message }));

/** @type {import('eslint').Linter.Config[]} */
export const boundaries = [
  {
    name: 'boundaries/src-shared',
    files: ['src-shared/**/*.{ts,tsx}'],
    rules: restrict([
      pureCode,
      folder('src-engine'),
      folder('src-main'),
      folder('src-renderer'),
      folder('e2e'),
      folder('bench'),
      {
        group: [
          'electron',
          'electron/**',
          'react',
          'react/**',
          'react-dom',
          'react-dom/**',
          'express',
          'express/**',
          'better-sqlite3',
          'pg',
          'kysely',
          'axios',
          'pino',
        ],
        message: 'src-shared is pure: no UI, server, database or HTTP libraries.',
      },
    ]),
  },
  {
    name: 'boundaries/src-renderer',
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: restrict([
      rendererForbidden,
      electronOutsideShell,
      folder('src-main'),
      folder('src-engine'),
    ]),
  },
  {
    name: 'boundaries/src-main',
    files: ['src-main/**/*.{ts,tsx}'],
    ignores: ['src-main/electron/**'],
    rules: restrict([electronOutsideShell, folder('src-engine'), folder('src-renderer')]),
  },
  {
    // A rule of its own, so that it adds to the import rules of the blocks above instead of replacing them.
    name: 'boundaries/src-main/wire-at-the-edge',
    files: ['src-main/**/*.{ts,tsx}'],
    ignores: ['src-main/engine-client/**'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-shared/wire', '**/src-shared/wire/**'],
              message:
                "the Spaaza wire stays at the edge of the till: only src-main/engine-client/ imports src-shared/wire; use the engine client's own types.",
            },
          ],
        },
      ],
    },
  },
  {
    name: 'boundaries/src-main/electron',
    files: ['src-main/electron/**/*.{ts,tsx}'],
    rules: restrict([folder('src-engine'), folder('src-renderer')]),
  },
  {
    name: 'boundaries/src-engine',
    files: ['src-engine/**/*.{ts,tsx}'],
    rules: restrict(
      [electronOutsideShell, folder('src-main'), folder('src-renderer')],
      named(['react', 'react-dom'], 'the engine is a server: no UI libraries.'),
    ),
  },
];
