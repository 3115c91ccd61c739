import { parseArgs } from 'node:util';
import { SipError, SIP_CHARSETS, type SipCharset } from '../node/sip2';
import { loadKioskConfig } from '../node/config';
import { hashStaffPin } from '../node/staff';
import { DEFAULT_DB, seedCommand, serveCommand } from './network';
import { checksumCommand, parseCommand, sendCommand } from './sip2';

const USAGE = `kiosk — Les Balises kiosk tools

  kiosk sip2 checksum '<message up to and including AZ>'   [--charset utf-8|latin1|cp850]
  kiosk sip2 parse '<message>'                             [--charset …]
  kiosk sip2 send --host <h> --port <n> '<message>' […]  [--tls] [--charset …] [--crlf] [--timeout ms]
  kiosk network seed [--items 600000] [--patrons 29000] [--db <file>] [--seed n] [--force]
  kiosk network serve [--db <file>] [--port 6001] [--host 127.0.0.1] [--charset …] [--crlf]
  kiosk staff-pin <pin>          prints the hash to put in kiosk.json as "staffPinHash"
  kiosk check-config <kiosk.json>  checks a kiosk configuration and names the first wrong field
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      charset: { type: 'string', default: 'utf-8' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string' },
      tls: { type: 'boolean', default: false },
      crlf: { type: 'boolean', default: false },
      timeout: { type: 'string', default: '5000' },
      items: { type: 'string', default: '600000' },
      patrons: { type: 'string', default: '29000' },
      db: { type: 'string', default: DEFAULT_DB },
      seed: { type: 'string', default: '1940' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [group, command, arg] = positionals;
  if (values.help || !group) {
    process.stdout.write(USAGE);
    return values.help ? 0 : 1;
  }
  const charset = values.charset as SipCharset;
  if (!(SIP_CHARSETS as readonly string[]).includes(charset))
    throw new SipError('UNSUPPORTED_CHARSET', `unsupported charset ${charset}`);
  const terminator = values.crlf ? 'crlf' : 'cr';
  const log = (line: string) => console.log(line);

  if (group === 'staff-pin' && command !== undefined) {
    if (!/^\d{4,12}$/.test(command)) throw new Error('a staff PIN is 4 to 12 digits');
    console.log(hashStaffPin(command));
    return 0;
  }
  if (group === 'check-config' && command !== undefined) {
    const config = loadKioskConfig(command);
    console.log(
      `ok: ${config.library.name} (${config.library.isil}), reader ${config.reader.protocol}, SIP2 ${config.sip2.host}:${config.sip2.port}`,
    );
    return 0;
  }

  if (group === 'sip2' && command === 'checksum' && arg !== undefined) {
    console.log(checksumCommand(arg, charset));
    return 0;
  }
  if (group === 'sip2' && command === 'parse' && arg !== undefined) {
    console.log(parseCommand(arg, charset));
    return 0;
  }
  if (group === 'sip2' && command === 'send' && arg !== undefined) {
    if (!values.port) throw new Error('--port is required');
    console.log(
      await sendCommand({
        host: values.host,
        port: Number(values.port),
        tls: values.tls,
        messages: positionals.slice(2),
        charset,
        terminator,
        timeoutMs: Number(values.timeout),
      }),
    );
    return 0;
  }
  if (group === 'network' && command === 'seed') {
    const started = performance.now();
    const r = await seedCommand({
      db: values.db,
      items: Number(values.items),
      patrons: Number(values.patrons),
      seed: Number(values.seed),
      force: values.force,
      log,
    });
    console.log(
      `${values.db}: ${r.items} items (${r.sets} sets), ${r.patrons} patrons, ${r.loans} loans, ${r.holds} holds — ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return 0;
  }
  if (group === 'network' && command === 'serve') {
    const stop = await serveCommand({
      db: values.db,
      host: values.host,
      port: Number(values.port ?? 6001),
      charset,
      terminator,
      log,
    });
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await stop();
    return 0;
  }
  process.stderr.write(USAGE);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof SipError)
      console.error(`error ${err.code}: ${err.message} ${JSON.stringify(err.details)}`);
    else console.error(`error: ${(err as Error).message}`);
    process.exitCode = 2;
  },
);
