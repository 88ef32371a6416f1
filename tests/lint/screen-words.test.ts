import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { screenWords } from '../../eslint/screen-words.js';

// Lints snippets as if they sat at the given paths, with exactly the project's screen-words rule.
const linter = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.tsx'], languageOptions: { parser: tseslint.parser } },
    ...screenWords,
  ],
});

async function literalErrors(filePath: string, jsx: string): Promise<string[]> {
  const [result] = await linter.lintText(`export function X() {\n  return ${jsx};\n}\n`, {
    filePath,
  });
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'parse');
}

describe('words on a translated screen go through t()', () => {
  it.each([
    ['text', '<p>Hello</p>', 1],
    ['aria-label', '<nav aria-label="Screens" />', 1],
    ['title', '<p title="Till status">{x}</p>', 1],
    ['placeholder', '<input placeholder="Code" />', 1],
    ['alt', '<img alt="Logo" />', 1],
    ['a literal chosen in JSX', "<p>{online ? 'Online' : 'Offline'}</p>", 2],
  ])('refuses a literal in %s', async (_what, jsx, count) => {
    expect(await literalErrors('src-renderer/status/X.tsx', jsx)).toEqual(
      Array<string>(count).fill('i18next/no-literal-string'),
    );
  });

  it('leaves code alone: class names, keys, test ids, types, ids', async () => {
    expect(
      await literalErrors(
        'src-renderer/status/X.tsx',
        '<p className="status-bar" key="a" data-testid="bar" id="b"><input type="text" /></p>',
      ),
    ).toEqual([]);
  });

  it('covers every screen folder, and not their tests or code outside the screens', async () => {
    expect(await literalErrors('src-main/X.tsx', '<p>Hello</p>')).toEqual([]);
    expect(await literalErrors('src-renderer/status/X.test.tsx', '<p>Hello</p>')).toEqual([]);
    for (const folder of ['app', 'common', 'status', 'diagnostics', 'sale', 'receipt', 'manager'])
      expect(await literalErrors(`src-renderer/${folder}/X.tsx`, '<p>Hello</p>')).toEqual([
        'i18next/no-literal-string',
      ]);
  });
});
