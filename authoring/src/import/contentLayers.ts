/**
 * The layers part of `@dunkirk/content`, reached by path until `content/src/index.ts` re-exports it
 * (one line, `export * from './layers';`, asked of the format engineer). Then this file becomes
 * `export * from '@dunkirk/content';` and nothing else changes.
 */
export * from '../../../content/src/layers';
