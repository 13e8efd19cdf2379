/** Types of french-typography.mjs (Quebec French typography rules for the message catalog). */
export declare const NBSP: string;
export declare const RULES: { name: string; says: string; find: RegExp; fix?: (text: string) => string }[];
export declare function typographyProblems(text: string): { rule: string; says: string; excerpt: string }[];
export declare function fixTypography(text: string): string;
export declare function fixMessageFiles(dir: string): string[];
