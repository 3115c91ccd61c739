/**
 * `@dunkirk/authoring`: the curators' tool. Today: building and serving signed tour packages and
 * the `tour` CLI; the media pipeline lives in `./media`.
 */
export { build, buildAll, defaultPrepare } from './build';
export type { BuildOptions, BuildAllOptions, BuildAllResult, PrepareHook } from './build';
export { runCli, usage } from './cli/run';
export type { CliIo } from './cli/run';
export { formatRefusal } from './formatRefusal';
export { startPackageServer, parseRange } from './packages/packageServer';
export type { PackageServer, PackageServerOptions } from './packages/packageServer';
export * from './media/index';
export * from './import/index';
export * from './server';
