import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { boundaries } from '../../eslint/boundaries.js';

// Lints snippets as if they sat at the given paths, with exactly the project's boundary rules.
const linter = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
    ...boundaries,
  ],
});

async function importErrors(filePath: string, specifier: string): Promise<string[]> {
  const [result] = await linter.lintText(`import x from '${specifier}';\nexport default x;\n`, {
    filePath,
  });
  return (result?.messages ?? []).map(
    (message) => `${message.ruleId ?? 'parse'}: ${message.message}`,
  );
}

describe('import rules of docs/architecture.md, "Parts and import rules"', () => {
  it.each([
    ['src-shared/money/x.ts', 'node:fs'],
    ['src-shared/money/x.ts', 'fs'],
    ['src-shared/money/x.ts', 'fs/promises'],
    ['src-shared/money/x.ts', 'electron'],
    ['src-shared/money/x.ts', 'react'],
    ['src-shared/money/x.ts', 'express'],
    ['src-shared/money/x.ts', '../../src-engine/server'],
    ['src-shared/x.ts', '../src-main/till'],
    ['src-shared/x.ts', '../src-renderer/app'],
    ['src-renderer/app.tsx', '../src-main/till/core'],
    ['src-renderer/app.tsx', 'better-sqlite3'],
    ['src-renderer/app.tsx', 'node:path'],
    ['src-renderer/app.tsx', 'electron'],
    ['src-main/till/core.ts', '../../src-engine/server'],
    ['src-main/till/core.ts', 'electron'],
    ['src-main/electron/window.ts', '../../src-engine/server'],
    ['src-engine/server.ts', '../src-main/till/core'],
    ['src-engine/domain/add-basket.ts', '../http/errors'],
    ['src-engine/domain/rewards/purchase.ts', '../../http/envelope'],
    ['src-engine/domain/add-basket.ts', '../routes/basket'],
    ['src-engine/domain/add-basket.ts', '../../src-main/till/core'],
    ['src-engine/domain/add-basket.ts', '../wire/priced-basket'],
    ['src-engine/domain/events/voucher-event.ts', '../../wire/benefit'],
    ['src-engine/domain/add-basket.ts', '../../src-shared/wire'],
    ['src-engine/domain/add-basket.ts', '../../src-shared/wire/basket-response'],
    ['src-engine/domain/voucher-ops/x.ts', '../../../src-shared/wire/envelope'],
    ['src-shared/x.ts', '../src-node/graceful-close'],
    ['src-renderer/app.tsx', '../src-node/graceful-close'],
    ['src-node/x.ts', '../src-main/till/core'],
    ['src-node/x.ts', '../src-engine/server'],
    ['src-node/x.ts', '../src-renderer/app'],
    ['src-node/x.ts', '../src-shared/wire'],
    ['src-node/x.ts', 'electron'],
    ['src-node/x.ts', 'react'],
  ])('%s may not import %s', async (filePath, specifier) => {
    const errors = await importErrors(filePath, specifier);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^no-restricted-imports: /);
  });

  it.each([
    ['src-shared/money/x.ts', 'zod'],
    ['src-shared/pricing/x.ts', '../money/amount'],
    ['src-renderer/app.tsx', '../src-shared/money'],
    ['src-renderer/app.tsx', 'react'],
    ['src-main/till/core.ts', '../../src-shared/pricing'],
    ['src-main/till/core.ts', 'node:fs'],
    ['src-main/electron/window.ts', 'electron'],
    ['src-engine/server.ts', 'express'],
    ['src-engine/server.ts', '../src-shared/wire'],
    ['src-engine/routes/basket.ts', '../http/errors'],
    ['src-engine/domain/add-basket.ts', './refusal'],
    ['src-engine/domain/add-basket.ts', '../../src-shared/wire/basket-request'],
    ['src-engine/domain/voucher-ops/x.ts', '../../../src-shared/wire/datetime'],
    ['src-engine/wire/add-basket.ts', '../../src-shared/wire'],
    ['src-engine/routes/basket.ts', '../wire/priced-basket'],
    ['src-engine/listener.ts', '../src-node/graceful-close'],
    ['src-main/transport/x.ts', '../../src-node/graceful-close'],
    ['src-main/electron/x.ts', '../../src-node/graceful-close'],
    ['src-node/x.ts', 'node:http'],
    ['src-node/x.ts', '../src-shared/money'],
  ])('%s may import %s', async (filePath, specifier) => {
    expect(await importErrors(filePath, specifier)).toEqual([]);
  });

  it.each([
    ['src-main/sale/x.ts', '../../src-shared/wire'],
    ['src-main/store/x.test.ts', '../../src-shared/wire/voucher'],
    ['src-main/x.ts', '../src-shared/wire'],
  ])('%s may not import the Spaaza wire (%s)', async (filePath, specifier) => {
    const errors = await importErrors(filePath, specifier);
    expect(errors).toEqual([
      expect.stringMatching(
        /^@typescript-eslint\/no-restricted-imports: .*the Spaaza wire stays at the edge of the till/,
      ),
    ]);
  });

  it.each([
    ['src-main/engine-client/x.ts', '../../src-shared/wire'],
    ['src-main/engine-client/x.test.ts', '../../src-shared/wire/voucher'],
    ['src-main/sale/x.ts', '../../src-shared/pricing'],
    ['src-main/sale/x.ts', './sale-state'],
  ])('%s may import %s', async (filePath, specifier) => {
    expect(await importErrors(filePath, specifier)).toEqual([]);
  });

  it.each([
    ['src-main/sale/x.ts', '../store'],
    ['src-main/sale/x.ts', '../engine-client'],
    ['src-main/sale/x.ts', '../commands/context'],
    ['src-main/sale/x.ts', 'node:fs'],
    ['src-main/sale/x.ts', 'better-sqlite3'],
    ['src-main/sale/x.ts', '../../src-shared/wire'],
    ['src-main/sale/x.ts', '../../src-node/graceful-close'],
  ])('%s, pure, may not call %s', async (filePath, specifier) => {
    const errors = await importErrors(filePath, specifier);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^@typescript-eslint\/no-restricted-imports: /);
  });

  it('src-main/sale/ may name the types of the parts that do I/O', async () => {
    const [result] = await linter.lintText(
      "import type { EngineBasket } from '../engine-client';\nexport type B = EngineBasket;\n",
      { filePath: 'src-main/sale/x.ts' },
    );
    expect(result?.messages).toEqual([]);
  });

  it('a type-only import of the wire is refused too', async () => {
    const [result] = await linter.lintText(
      "import type { WireVoucher } from '../../src-shared/wire';\nexport type V = WireVoucher;\n",
      { filePath: 'src-main/commands/x.ts' },
    );
    expect(result?.messages.map((message) => message.ruleId)).toEqual([
      '@typescript-eslint/no-restricted-imports',
    ]);
  });

  it("a type-only import of a Spaaza answer shape into the engine's domain is refused", async () => {
    const [result] = await linter.lintText(
      "import type { SpaazaWarning } from '../../src-shared/wire/envelope';\nexport type W = SpaazaWarning;\n",
      { filePath: 'src-engine/domain/add-basket.ts' },
    );
    expect(result?.messages.map((message) => message.message)).toEqual([
      expect.stringMatching(/the engine's domain builds no Spaaza answer/),
    ]);
  });

  // loading the project's whole ESLint configuration takes seconds while the other suites run
  it('the project configuration applies these rules', { timeout: 30_000 }, async () => {
    const project = new ESLint({ cwd: process.cwd() });
    for (const [file, block] of [
      ['src-shared/money/amount.ts', 'boundaries/src-shared'],
      ['src-main/till/core.ts', 'boundaries/src-main'],
      ['src-renderer/app.tsx', 'boundaries/src-renderer'],
      ['src-node/graceful-close.ts', 'boundaries/src-node'],
    ] as const) {
      const applied: unknown = await project.calculateConfigForFile(file);
      expect(applied).toMatchObject({ rules: { 'no-restricted-imports': [2, optionsOf(block)] } });
    }
    const wireRule = '@typescript-eslint/no-restricted-imports';
    const core: unknown = await project.calculateConfigForFile('src-main/commands/sale-service.ts');
    expect(core).toMatchObject({
      rules: { [wireRule]: [2, optionsOf('boundaries/src-main/wire-at-the-edge', wireRule)] },
    });
  });
});

function optionsOf(name: string, rule = 'no-restricted-imports'): unknown {
  const entry = boundaries.find((config) => config.name === name)?.rules?.[rule];
  if (!Array.isArray(entry)) throw new Error(`no import rule in ${name}`);
  return entry[1];
}

describe('import rules of test support: those of the part it supports', () => {
  it.each([
    ['test-support/shared/x.ts', 'node:fs'],
    ['test-support/shared/x.ts', 'react'],
    ['test-support/shared/x.ts', '../till/temp-store'],
    ['test-support/renderer/x.tsx', 'node:fs'],
    ['test-support/renderer/x.tsx', '../../src-main/store'],
    ['test-support/renderer/x.tsx', '../till/fake-engine'],
    ['test-support/engine/x.ts', '../../src-main/store'],
    ['test-support/engine/x.ts', '../till/till-harness'],
    ['test-support/engine/x.ts', '../../test-support/till/till-harness'],
    ['test-support/engine/x.ts', 'react'],
    ['test-support/till/x.ts', '../../src-engine/server'],
    ['test-support/till/x.ts', '../renderer/fake-till'],
    ['test-support/till/x.ts', '../tooling/summary-reporter'],
    ['test-support/shared/x.ts', '../../src-node/graceful-close'],
    ['test-support/renderer/x.tsx', '../../src-node/graceful-close'],
  ])('%s may not import %s', async (filePath, specifier) => {
    const errors = await importErrors(filePath, specifier);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^no-restricted-imports: /);
  });

  it.each([
    ['test-support/shared/x.ts', '../../src-shared/vouchers'],
    ['test-support/renderer/x.tsx', '../../src-renderer/client'],
    ['test-support/renderer/x.tsx', '../shared/vouchers'],
    ['test-support/engine/x.ts', '../../src-engine/server'],
    ['test-support/engine/x.ts', '../shared/vouchers'],
    ['test-support/till/x.ts', '../../src-main/till-main'],
    ['test-support/till/x.ts', '../engine/harness'],
    ['test-support/till/x.ts', 'electron'],
    ['test-support/till/x.ts', 'node:child_process'],
    ['test-support/engine/x.ts', '../../src-node/graceful-close'],
    ['test-support/till/x.ts', '../../src-node/graceful-close'],
  ])('%s may import %s', async (filePath, specifier) => {
    expect(await importErrors(filePath, specifier)).toEqual([]);
  });

  // loading the project's whole ESLint configuration takes seconds while the other suites run
  it('the project configuration applies these rules', { timeout: 30_000 }, async () => {
    const project = new ESLint({ cwd: process.cwd() });
    for (const part of ['shared', 'renderer', 'engine', 'till']) {
      const applied: unknown = await project.calculateConfigForFile(`test-support/${part}/x.ts`);
      expect(applied).toMatchObject({
        rules: { 'no-restricted-imports': [2, optionsOf(`boundaries/test-support/${part}`)] },
      });
    }
  });
});
