import type { Linter } from 'eslint';

export declare const TRANSLATED_RENDERER_FOLDERS: string[];
export declare const screenWords: Linter.Config[];
