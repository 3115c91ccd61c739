import { runImport } from './cli';

// Runs the import verbs alone until the authoring CLI routes `tour import <kind>` here.
process.exitCode = await runImport(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  cwd: process.cwd(),
});
