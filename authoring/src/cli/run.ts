import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { isTourFormatError, manifestJsonSchema } from '@dunkirk/content';
import {
  checkSource,
  exportZip,
  findRepoRoot,
  importZip,
  resolveSigningKey,
  resolveTrustedKeys,
  verifyPackage,
} from '@dunkirk/content/node';
import { build, buildAll, defaultPrepare } from '../build';
import { formatRefusal } from '../formatRefusal';
import { runImport } from '../import/cli';

const IMPORT_KINDS = ['layers', 'gtfs', 'geojson', 'datatourisme'];

export { formatRefusal };

export const usage = `Usage: tour <command> [options]

Commands:
  validate <source-dir> [--strict]             check a tour source folder (--strict: missing translations fail)
  build <source-dir> --out <pkg-dir>           build a signed package folder
        [--key <pem>] [--allow-missing] [--no-prepare|--no-narration]
  build-all [--tours <dir>] [--out <dir>]      build every valid tour + catalogue.json (default content/tours → content/dist)
        [--key <pem>] [--allow-missing] [--no-prepare]
  verify <pkg-dir|file.zip> [--pubkey <pem>]   verify signature, schema and every asset
  zip <pkg-dir> --out <file.zip> [--pubkey <pem>]   verify a package and write its .zip
  import <file.zip> --out <dir> [--pubkey <pem>]    unpack a .zip safely and verify it
  import layers|gtfs|geojson|datatourisme …       map layers (see \`tour import layers --help\`)

Keys: the signing key is --key, else $TOUR_SIGNING_KEY_FILE, else the dev key in <repo>/.keys/.
Trusted keys are --pubkey (repeatable), else $TOUR_TRUSTED_KEYS_FILE, else the dev public key.
Exit status: 0 success, 1 package or source refused, 2 usage error.`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

class UsageError extends Error {}

const options = {
  out: { type: 'string' },
  key: { type: 'string' },
  pubkey: { type: 'string', multiple: true },
  tours: { type: 'string' },
  'allow-missing': { type: 'boolean' },
  'no-prepare': { type: 'boolean' },
  // The media pipeline's name for the same switch (its prepare hook synthesises narration).
  'no-narration': { type: 'boolean' },
  strict: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

function one(positionals: string[], what: string): string {
  if (positionals.length !== 1 || !positionals[0]) throw new UsageError(`expected exactly one ${what}`);
  return positionals[0];
}

function need(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`${flag} is required`);
  return value;
}

async function run(command: string, positionals: string[], v: Values, io: CliIo): Promise<number> {
  const repoRoot = findRepoRoot(io.cwd);
  const abs = (p: string): string => resolve(io.cwd, p);
  const trusted = (): Promise<string[]> =>
    resolveTrustedKeys({ pubkeyFiles: (v.pubkey ?? []).map(abs), env: io.env, repoRoot });
  const signing = async (): Promise<CryptoKey> => {
    const key = await resolveSigningKey({ ...(v.key && { keyFile: abs(v.key) }), env: io.env, repoRoot });
    if (key.origin === 'dev')
      io.err(`signing with the development key ${key.keyId.slice(0, 16)}… (not for publishing)`);
    return key.privateKey;
  };
  const prepare = v['no-prepare'] || v['no-narration'] ? undefined : defaultPrepare;

  switch (command) {
    case 'validate': {
      const dir = abs(one(positionals, 'source folder'));
      const check = await checkSource(dir);
      for (const e of check.errors) io.err(formatRefusal(e));
      for (const m of check.missingTranslations) {
        io.err(`TRANSLATION_MISSING ${m.file}#${m.pointer}: missing ${m.missing.join(', ')}`);
      }
      if (check.errors.length > 0) return 1;
      if (v.strict && check.missingTranslations.length > 0) return 1;
      io.out(
        `valid: ${check.source?.id} ${check.source?.version}, ${check.source?.stops.length} stop(s)` +
          (check.missingTranslations.length
            ? `, ${check.missingTranslations.length} missing translation(s)`
            : ''),
      );
      return 0;
    }
    case 'build': {
      const dir = abs(one(positionals, 'source folder'));
      const out = abs(need(v.out, '--out'));
      await build(dir, {
        out,
        privateKey: await signing(),
        allowMissing: v['allow-missing'] ?? false,
        ...(prepare && { prepare }),
        log: io.err,
      });
      io.out(out);
      return 0;
    }
    case 'build-all': {
      if (positionals.length > 0) throw new UsageError('build-all takes no positional argument');
      const toursDir = v.tours ? abs(v.tours) : join(repoRoot, 'content', 'tours');
      const outDir = v.out ? abs(v.out) : join(repoRoot, 'content', 'dist');
      const result = await buildAll({
        toursDir,
        outDir,
        privateKey: await signing(),
        allowMissing: v['allow-missing'] ?? false,
        ...(prepare && { prepare }),
        log: io.err,
      });
      await writeSchemaIfChanged(join(repoRoot, 'content', 'schema', 'manifest.schema.json'));
      io.out(result.cataloguePath);
      return 0;
    }
    case 'verify': {
      const target = abs(one(positionals, 'package folder or zip'));
      const trustedKeys = await trusted();
      const info = await stat(target).catch(() => undefined);
      if (info?.isFile()) {
        const scratch = await mkdtemp(join(tmpdir(), 'tour-verify-'));
        try {
          const pkg = await importZip(target, join(scratch, 'pkg'), { trustedKeys });
          io.out(
            `verified: ${pkg.manifest.id} ${pkg.manifest.version}, ${pkg.files.length} asset(s), ${pkg.totalBytes} bytes`,
          );
        } finally {
          await rm(scratch, { recursive: true, force: true });
        }
        return 0;
      }
      const summary = await verifyPackage(target, {
        trustedKeys,
        onAsset: (done, total) => {
          if (done === total || done % 25 === 0) io.err(`  verified ${done}/${total} assets`);
        },
      });
      io.out(
        `verified: ${summary.id} ${summary.version}, ${summary.assetCount} asset(s), ${summary.totalBytes} bytes`,
      );
      return 0;
    }
    case 'zip': {
      const dir = abs(one(positionals, 'package folder'));
      const out = abs(need(v.out, '--out'));
      const bytes = await exportZip(dir, { trustedKeys: await trusted() });
      await mkdir(dirname(out), { recursive: true });
      await writeFile(out, bytes);
      io.out(`${out} (${bytes.byteLength} bytes)`);
      return 0;
    }
    case 'import': {
      const file = abs(one(positionals, 'zip file'));
      const out = abs(need(v.out, '--out'));
      const pkg = await importZip(file, out, { trustedKeys: await trusted() });
      io.out(`imported: ${pkg.manifest.id} ${pkg.manifest.version} → ${out}`);
      return 0;
    }
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

/** Keeps content/schema/manifest.schema.json current without rewriting an equal (maybe reformatted) file. */
async function writeSchemaIfChanged(file: string): Promise<void> {
  const schema = manifestJsonSchema();
  const current = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as unknown,
    () => undefined,
  );
  if (isDeepStrictEqual(current, schema)) return;
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(schema, null, 2) + '\n');
}

/** Runs the `tour` CLI; resolves with the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // `tour import layers|gtfs|geojson|datatourisme …` (map layers) has its own options; `tour import <file.zip>` stays here.
  if (argv[0] === 'import' && IMPORT_KINDS.includes(argv[1] ?? '')) return runImport(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (err) {
    io.err(`tour: ${(err as Error).message}\n\n${usage}`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help) {
    io.out(usage);
    return 0;
  }
  if (!command) {
    io.err(usage);
    return 2;
  }
  try {
    return await run(command, rest, parsed.values, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`tour ${command}: ${err.message}\n\n${usage}`);
      return 2;
    }
    if (isTourFormatError(err)) {
      io.err(formatRefusal(err));
      return 1;
    }
    io.err(`tour ${command}: unexpected error: ${(err as Error).stack ?? String(err)}`);
    return 1;
  }
}
