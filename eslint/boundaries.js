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

const wireAtTheEdge = {
  group: ['**/src-shared/wire', '**/src-shared/wire/**'],
  message:
    "the Spaaza wire stays at the edge of the till: only src-main/engine-client/ imports src-shared/wire; use the engine client's own types.",
};

const tillParts = [
  'commands',
  'engine-client',
  'store',
  'sync',
  'doctor',
  'transport',
  'config',
  'electron',
];

/** src-main/sale/ may name the types of the parts that do I/O, never call them. */
const saleIsPure = [
  {
    group: tillParts.flatMap((name) => [`../${name}`, `../${name}/**`]),
    allowTypeImports: true,
    message:
      'src-main/sale/ holds pure functions over a sale: it may use the types of the parts that do I/O, never call them.',
  },
  {
    group: ['**/src-node', '**/src-node/**'],
    allowTypeImports: true,
    message:
      'src-main/sale/ holds pure functions over a sale: it may use the types of src-node, never call it.',
  },
  {
    group: [...nodeBuiltins, 'better-sqlite3', 'axios', 'pino'],
    message: 'src-main/sale/ holds pure functions over a sale: no I/O.',
  },
];

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
      folder('src-node'),
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
      folder('src-node'),
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
          patterns: [wireAtTheEdge],
        },
      ],
    },
  },
  {
    // Replaces the block above for these files, so it repeats the wire rule.
    name: 'boundaries/src-main/sale-is-pure',
    files: ['src-main/sale/**/*.{ts,tsx}'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [wireAtTheEdge, ...saleIsPure] },
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
  {
    name: 'boundaries/src-node',
    files: ['src-node/**/*.{ts,tsx}'],
    rules: restrict(
      [
        electronOutsideShell,
        folder('src-main'),
        folder('src-engine'),
        folder('src-renderer'),
        folder('e2e'),
        folder('bench'),
        {
          group: wireAtTheEdge.group,
          message:
            'src-node is part of the till too, where the Spaaza wire stays in src-main/engine-client/: no src-shared/wire here.',
        },
      ],
      named(['react', 'react-dom'], 'src-node is shared by two servers: no UI libraries.'),
    ),
  },
];

// Test support follows the import rules of the part it supports. Of the other support folders
// only the pure fixtures are open to all, and the till's support may use the engine's, because
// the till harness starts a real engine beside a till.
// The engine's use cases answer refusals as values; only http/ knows statuses and envelopes.
boundaries.push({
  name: 'boundaries/src-engine/domain',
  files: ['src-engine/domain/**/*.{ts,tsx}'],
  rules: restrict(
    [
      ...importRuleOf('boundaries/src-engine').patterns,
      {
        group: ['../http', '../http/**', '../../http', '../../http/**', '**/src-engine/http/**'],
        message:
          'the engine\'s domain returns refusals; statuses and envelopes belong to http/ (docs/architecture.md, "Errors").',
      },
      {
        group: ['../routes', '../routes/**', '../../routes', '../../routes/**'],
        message: 'the domain is called by the routes, never the other way round.',
      },
      {
        group: ['../wire', '../wire/**', '../../wire', '../../wire/**', '**/src-engine/wire/**'],
        message:
          "the engine's domain answers domain values; src-engine/wire/ turns them into the Spaaza or WLL answer.",
      },
      {
        // The domain reads the basket request it is given and formats instants in its messages;
        // the answer shapes (and the barrel that carries them) stay out.
        regex: '(^|/)src-shared/wire(/(?!(basket-request|basket-to-domain|fields|datetime)$).*)?$',
        message:
          "the engine's domain builds no Spaaza answer: it may read the basket request (src-shared/wire/basket-request, basket-to-domain, fields, datetime), never the answer shapes.",
      },
    ],
    importRuleOf('boundaries/src-engine').paths,
  ),
});

const SUPPORT_FOLDERS = ['engine', 'till', 'renderer', 'shared', 'tooling'];

const supportFolder = (name) => ({
  group: [`../${name}`, `../${name}/**`, `**/test-support/${name}`, `**/test-support/${name}/**`],
  message: `test-support/${name} is not reachable from here (docs/architecture.md, "Parts and import rules").`,
});

/** Every support folder but `own` and those `allowed`. */
const otherSupport = (own, allowed) =>
  SUPPORT_FOLDERS.filter((name) => name !== own && !allowed.includes(name)).map(supportFolder);

/** The import rule of one of the blocks above. */
function importRuleOf(name) {
  const rule = boundaries.find((config) => config.name === name)?.rules['no-restricted-imports'];
  if (!rule) throw new Error(`no import rule in ${name}`);
  return rule[1];
}

/** test-support/`own`: the import rule of `part`, and of the other support only `allowed`. */
const asSupportOf = (own, part, allowed) => {
  const { patterns, paths } = importRuleOf(`boundaries/${part}`);
  return {
    name: `boundaries/test-support/${own}`,
    files: [`test-support/${own}/**/*.{ts,tsx}`],
    rules: restrict([...patterns, ...otherSupport(own, allowed)], paths),
  };
};

// The till's support includes a stand-in for electron, so it follows the shell's rule.
boundaries.push(
  asSupportOf('shared', 'src-shared', []),
  asSupportOf('renderer', 'src-renderer', ['shared']),
  asSupportOf('engine', 'src-engine', ['shared']),
  asSupportOf('till', 'src-main/electron', ['engine', 'shared']),
);
