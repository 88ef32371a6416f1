import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * The repository stands alone: no section signs, no paths to material outside it, no issue
 * numbers, and every reference to its docs (`docs/<name>.md, "Heading"`) and every relative
 * markdown link lands on something that exists. The helpers are pure, so each check is shown
 * failing on a bad sample before it is run over the tracked files.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** This file spells out what it looks for, so it is the one file not scanned. */
const SELF = 'tests/docs/references.test.ts';

interface Finding {
  readonly line: number;
  readonly text: string;
}

/** The 1-based lines of `text` on which the global `pattern` matches, with what it matched. */
function findAll(text: string, pattern: RegExp): Finding[] {
  return text
    .split('\n')
    .flatMap((content, index) =>
      [...content.matchAll(pattern)].map((match) => ({ line: index + 1, text: match[0] })),
    );
}

const SECTION_SIGN = /\u00a7/g;

/** Paths into the material the project was designed from, which lives outside the repository. */
const OUTSIDE_PATH =
  /(?:\.\.\/)*\bshared\/(?:design|reference|hooks)\b|\bARCHITECTURE\.md\b|\bspaaza-api\.md\b|\bwll-api\.md\b/g;

/** "issue 6", "Issues 4 and 6", "issue #12"; not "tissue 3" nor "issued 5". */
const ISSUE_NUMBER = /\bissues? #?\d+/gi;

function sectionSigns(text: string): Finding[] {
  return findAll(text, SECTION_SIGN);
}

function outsidePaths(text: string): Finding[] {
  return findAll(text, OUTSIDE_PATH);
}

/** A relative path (`../x/y`) as code and docs write one. */
const RELATIVE_PATH = /(?<![\w/.-])(?:\.\.\/)+[\w@.-]+(?:\/[\w@.-]+)*/g;

/** Absolute paths into this machine's working folders, which a user of the repository does not have. */
const MACHINE_PATH = /(?<![\w.-])\/(?:work|root)\/[\w@.-]+/g;

/** Files whose relative paths are not relative to themselves, with why. */
const PATHS_RELATIVE_ELSEWHERE = new Map([
  ['eslint/boundaries.js', 'import patterns, relative to the file being linted'],
  ['vite.config.ts', "paths relative to Vite's root, src-renderer"],
  ['tests/lint/boundaries.test.ts', 'imports of probes linted as if they sat elsewhere'],
]);

/** Relative paths in `file` that climb out of the repository, and paths into this machine's folders. */
function escapingPaths(file: string, text: string): Finding[] {
  if (PATHS_RELATIVE_ELSEWHERE.has(file)) return findAll(text, MACHINE_PATH);
  const climbsOut = findAll(text, RELATIVE_PATH).filter((found) =>
    normalize(join(dirname(file), found.text)).startsWith('..'),
  );
  return [...climbsOut, ...findAll(text, MACHINE_PATH)];
}

function issueNumbers(text: string): Finding[] {
  return findAll(text, ISSUE_NUMBER);
}

interface DocReference {
  readonly line: number;
  readonly doc: string;
  readonly heading: string | null;
}

const DOC_REFERENCE = /(?<![\w./-])(docs\/[a-z-]+\.md)(?:, "([^"]+)")?/g;

function docReferences(text: string): DocReference[] {
  return text.split('\n').flatMap((content, index) =>
    [...content.matchAll(DOC_REFERENCE)].map((match) => ({
      line: index + 1,
      doc: match[1] ?? '',
      heading: match[2] ?? null,
    })),
  );
}

/** Markdown without its fenced code blocks (their lines kept blank, so line numbers hold). */
function withoutFences(markdown: string): string[] {
  let fenced = false;
  return markdown.split('\n').map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line;
  });
}

/** The text of every ATX heading, any level, without its `#` marks. */
function headingsOf(markdown: string): Set<string> {
  const headings = withoutFences(markdown).flatMap((line) => {
    const match = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    return match?.[1] === undefined ? [] : [match[1]];
  });
  return new Set(headings);
}

/** Why a reference does not resolve, or null; `readDoc` answers a doc's text, or undefined when there is none. */
function unresolved(
  reference: DocReference,
  readDoc: (doc: string) => string | undefined,
): string | null {
  const markdown = readDoc(reference.doc);
  if (markdown === undefined) return `${reference.doc} does not exist`;
  if (reference.heading === null || headingsOf(markdown).has(reference.heading)) return null;
  return `${reference.doc} has no heading "${reference.heading}"`;
}

interface Link {
  readonly line: number;
  /** The linked path as written; empty for an anchor in the same file. */
  readonly path: string;
  readonly anchor: string | null;
}

/** The relative links of a markdown file; web and mail links, and links in code, left out. */
function relativeLinks(markdown: string): Link[] {
  return withoutFences(markdown).flatMap((content, index) =>
    [...content.replace(/`[^`]*`/g, '').matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)]
      .map((match) => match[1] ?? '')
      .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target))
      .map((target) => {
        const [path = '', anchor] = target.split('#');
        return { line: index + 1, path, anchor: anchor ?? null };
      }),
  );
}

/** The anchor a heading gets: lower case, punctuation dropped, each space a hyphen. */
function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/**
 * Why a link from `file` does not resolve, or null. `read` answers a file's text, or undefined
 * when there is no such file (a folder answers an empty text).
 */
function brokenLink(
  link: Link,
  file: string,
  read: (path: string) => string | undefined,
): string | null {
  const target = link.path === '' ? file : normalize(join(dirname(file), link.path));
  const text = read(target);
  if (text === undefined) return `${target} does not exist`;
  if (link.anchor === null || !target.endsWith('.md')) return null;
  const anchors = new Set([...headingsOf(text)].map(anchorOf));
  return anchors.has(link.anchor) ? null : `${target} has no heading for #${link.anchor}`;
}

/** Tracked text files: what git holds, as on disk now (binary files and the lock file left out). */
function trackedTextFiles(): Map<string, string> {
  const listed = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((path) => path !== '' && path !== 'package-lock.json' && path !== SELF);
  const files = new Map<string, string>();
  for (const path of listed) {
    const full = join(ROOT, path);
    if (!existsSync(full)) continue; // deleted in the working tree, not yet committed
    const bytes = readFileSync(full);
    if (bytes.includes(0)) continue;
    files.set(path, bytes.toString('utf8'));
  }
  return files;
}

function report(findings: readonly (Finding & { readonly file: string })[]): string[] {
  return findings.map(({ file, line, text }) => `${file}:${line}: ${text}`);
}

function scan(files: ReadonlyMap<string, string>, check: (text: string) => Finding[]): string[] {
  return report(
    [...files].flatMap(([file, text]) => check(text).map((found) => ({ file, ...found }))),
  );
}

describe('the checks themselves', () => {
  it('finds a section sign, and nothing in plain text', () => {
    expect(sectionSigns('see the design, \u00a7 6a')).toEqual([{ line: 1, text: '\u00a7' }]);
    expect(sectionSigns('see docs/architecture.md, "Pricing"')).toEqual([]);
  });

  it('finds paths outside the repository, and leaves the repository’s own docs alone', () => {
    expect(outsidePaths('as in `../shared/reference/wll-api.md`').map((f) => f.text)).toEqual([
      '../shared/reference',
      'wll-api.md',
    ]);
    expect(outsidePaths('line one\nthe design in ARCHITECTURE.md')).toEqual([
      { line: 2, text: 'ARCHITECTURE.md' },
    ]);
    expect(outsidePaths('spaaza-api.md, /work/shared/design/x')).toHaveLength(2);
    expect(outsidePaths("import from '../shared/vouchers' (test-support's own)")).toEqual([]);
    expect(outsidePaths('docs/architecture.md and docs/spaaza-wire.md; src-shared/wire')).toEqual(
      [],
    );
  });

  it('finds paths that climb out of the repository or point into this machine', () => {
    expect(
      escapingPaths('src-main/x.ts', "import y from '../../../other/y';").map((f) => f.text),
    ).toEqual(['../../../other/y']);
    expect(escapingPaths('README.md', 'see ../notes/plan.md').map((f) => f.text)).toEqual([
      '../notes/plan.md',
    ]);
    expect(escapingPaths('docs/x.md', 'written in /work/notes/x.md')).toHaveLength(1);
    expect(escapingPaths('src-main/a/b.ts', "import y from '../../src-shared/money';")).toEqual([]);
    expect(escapingPaths('e2e/README.md', 'in ../test-support/till/')).toEqual([]);
  });

  it('finds issue numbers, and not words that merely contain "issue"', () => {
    expect(issueNumbers('Built in issues 4 and 6.').map((f) => f.text)).toEqual(['issues 4']);
    expect(issueNumbers('// Crash safety (Issue 6): …')).toHaveLength(1);
    expect(issueNumbers('fixed in issue #12')).toHaveLength(1);
    expect(issueNumbers('a tissue 3 cm wide; vouchers issued 5 times; issues found: 2')).toEqual(
      [],
    );
  });

  it('reads doc references with and without a heading', () => {
    expect(docReferences('x (docs/wll-face.md, "Envelope") and docs/architecture.md.')).toEqual([
      { line: 1, doc: 'docs/wll-face.md', heading: 'Envelope' },
      { line: 1, doc: 'docs/architecture.md', heading: null },
    ]);
    expect(docReferences('src-engine/docs/other.md')).toEqual([]);
  });

  it('resolves a reference only to an existing doc with exactly that heading', () => {
    const docs: Record<string, string> = {
      'docs/a.md': '# A\n\n## Pricing\n\n```md\n## Fenced\n```\n### Voucher state ###\n',
    };
    const readDoc = (doc: string) => docs[doc];
    const ref = (doc: string, heading: string | null) => ({ line: 1, doc, heading });
    expect(unresolved(ref('docs/a.md', 'Pricing'), readDoc)).toBeNull();
    expect(unresolved(ref('docs/a.md', 'Voucher state'), readDoc)).toBeNull();
    expect(unresolved(ref('docs/a.md', null), readDoc)).toBeNull();
    expect(unresolved(ref('docs/a.md', 'pricing'), readDoc)).toBe(
      'docs/a.md has no heading "pricing"',
    );
    expect(unresolved(ref('docs/a.md', 'Fenced'), readDoc)).not.toBeNull();
    expect(unresolved(ref('docs/b.md', null), readDoc)).toBe('docs/b.md does not exist');
  });

  it('lists relative links with their anchors, without web links or code', () => {
    const markdown = [
      'See [the wire](docs/spaaza-wire.md#errors) and [guide](CONTRIBUTING.md "how").',
      '[web](https://example.com) [mail](mailto:a@b.c) [here](#top) `[x](nope.md)`',
      '```',
      '[fenced](nope.md)',
      '```',
      '[up](../README.md)',
    ].join('\n');
    expect(relativeLinks(markdown)).toEqual([
      { line: 1, path: 'docs/spaaza-wire.md', anchor: 'errors' },
      { line: 1, path: 'CONTRIBUTING.md', anchor: null },
      { line: 2, path: '', anchor: 'top' },
      { line: 6, path: '../README.md', anchor: null },
    ]);
  });

  it('resolves a link only to an existing file and, with an anchor, to one of its headings', () => {
    const files: Record<string, string> = {
      'docs/a.md': '# A\n\n## Voucher state\n\n### `purchase_reward`\n',
      'README.md': '# R\n',
    };
    const read = (path: string) => files[path];
    const link = (path: string, anchor: string | null) => ({ line: 1, path, anchor });
    expect(brokenLink(link('a.md', 'voucher-state'), 'docs/b.md', read)).toBeNull();
    expect(brokenLink(link('a.md', 'purchase_reward'), 'docs/b.md', read)).toBeNull();
    expect(brokenLink(link('../README.md', null), 'docs/b.md', read)).toBeNull();
    expect(brokenLink(link('', 'voucher-state'), 'docs/a.md', read)).toBeNull();
    expect(brokenLink(link('a.md', 'pricing'), 'docs/b.md', read)).toBe(
      'docs/a.md has no heading for #pricing',
    );
    expect(brokenLink(link('README.md', null), 'docs/b.md', read)).toBe(
      'docs/README.md does not exist',
    );
  });
});

describe('the repository stands alone', () => {
  const files = trackedTextFiles();

  it('scans the tracked files', () => {
    expect(files.has('README.md')).toBe(true);
    expect(files.has('package-lock.json')).toBe(false);
  });

  it('has no section sign in any tracked text file', () => {
    expect(scan(files, sectionSigns)).toEqual([]);
  });

  it('names no path outside the repository', () => {
    expect(scan(files, outsidePaths)).toEqual([]);
  });

  it('has no path that climbs out of the repository or into this machine', () => {
    expect(
      report(
        [...files].flatMap(([file, text]) =>
          escapingPaths(file, text).map((found) => ({ file, ...found })),
        ),
      ),
    ).toEqual([]);
  });

  it('refers to no issue by number', () => {
    expect(scan(files, issueNumbers)).toEqual([]);
  });

  it('every docs/<name>.md reference names an existing doc and, where given, one of its headings', () => {
    const readDoc = (doc: string) =>
      existsSync(join(ROOT, doc)) ? readFileSync(join(ROOT, doc), 'utf8') : undefined;
    const broken = [...files].flatMap(([file, text]) =>
      docReferences(text).flatMap((reference) => {
        const problem = unresolved(reference, readDoc);
        return problem === null ? [] : [`${file}:${reference.line}: ${problem}`];
      }),
    );
    expect(broken).toEqual([]);
  });

  it('every relative link of a markdown file resolves, anchors included', () => {
    const read = (path: string) => {
      const full = join(ROOT, path);
      if (!existsSync(full)) return undefined;
      return statSync(full).isDirectory() ? '' : readFileSync(full, 'utf8');
    };
    const broken = [...files]
      .filter(([file]) => file.endsWith('.md'))
      .flatMap(([file, text]) =>
        relativeLinks(text).flatMap((link) => {
          const problem = brokenLink(link, file, read);
          return problem === null ? [] : [`${file}:${link.line}: ${problem}`];
        }),
      );
    expect(broken).toEqual([]);
  });
});
