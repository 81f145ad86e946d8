/** Types for scripts/build-lexicon.mjs (imported by tests/indexing/lexicon.test.ts). */
export declare const WAPPALYZER_CATEGORY_MAP: Record<number, string[]>;
export declare const LINGUIST_TYPE_MAP: Record<string, string[]>;
export declare const GENERIC_WORDS: Set<string>;
export declare function tokenizeName(text: string): string[];
export declare function normalizeName(name: string): string | null;
export declare function loadCommonWords(): Set<string>;
export declare function isCommonToken(token: string, common: Set<string>): boolean;
export declare function ambiguityOf(alias: string, common: Set<string>): string | null;
export declare function buildGeneratedModule(): Promise<string>;
