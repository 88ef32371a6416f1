import i18next from 'eslint-plugin-i18next';

/** The renderer folders whose words all go through `t()` (catalogues in src-shared/i18n/screens): all of them. */
export const TRANSLATED_RENDERER_FOLDERS = ['src-renderer'];

/** Attributes a person reads or hears; every other one (className, key, ids, test ids, types) is code. */
const SPOKEN_ATTRIBUTES = [
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
];

/** No literal words in the JSX of a translated folder: text and spoken attributes go through `t()`. */
export const screenWords = [
  {
    files: TRANSLATED_RENDERER_FOLDERS.map((folder) => `${folder}/**/*.tsx`),
    ignores: ['**/*.test.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { include: SPOKEN_ATTRIBUTES, exclude: ['.*'] },
          message: 'Words on a screen go through t() with English and Dutch in src-shared/i18n',
        },
      ],
    },
  },
];
