/**
 * The `rfid` command line. `main()` takes argv and output streams and returns
 * the exit code, so tests run it in-process.
 */
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { RfidError, describeError, type Locale } from '../errors';
import { fromHex, toHex } from '../bytes';
import { decodeTag, encodeTag, type TagModel } from '../iso28560/tag';
import { listDevices } from '../transport/discovery';
import { openReader } from '../readers/openReader';
import { readTag, setSecured } from '../readers/library';
import { startPtySimulator, type PadFile } from '../sim/simulate';
import { TEXT, localeFrom } from './messages';

export interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  stdin?: NodeJS.ReadableStream;
}

const json = (v: unknown) => JSON.stringify(v, (_k, x) => (x instanceof Uint8Array ? toHex(x) : x), 2) + '\n';

const num = (s: string | undefined, fallback?: number): number | undefined =>
  s === undefined ? fallback : Number(s);

export async function main(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      port: { type: 'string' },
      protocol: { type: 'string' },
      uid: { type: 'string' },
      blocks: { type: 'string' },
      afi: { type: 'string' },
      'afi-shelf': { type: 'string' },
      'afi-loan': { type: 'string' },
      'no-eas': { type: 'boolean' },
      model: { type: 'string' },
      id: { type: 'string' },
      country: { type: 'string' },
      library: { type: 'string' },
      type: { type: 'string' },
      parts: { type: 'string' },
      part: { type: 'string' },
      truncated: { type: 'boolean' },
      owner: { type: 'string' },
      set: { type: 'string' },
      shelf: { type: 'string' },
      usage: { type: 'string' },
      pad: { type: 'string' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const v = values as Record<string, string | boolean | undefined>;
  const s = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  const locale: Locale = localeFrom(s('lang'), process.env.LANG);
  const [command, ...rest] = positionals;
  try {
    switch (command) {
      case 'list':
        io.stdout.write(json(await listDevices()));
        return 0;
      case 'decode': {
        const hex = rest[0];
        if (!hex) throw new RfidError('BAD_VALUE', { field: 'hex' });
        const model = s('model') as Exclude<TagModel, 'blank'> | undefined;
        io.stdout.write(json(decodeTag(fromHex(hex), model ? { model } : {})));
        return 0;
      }
      case 'encode':
        io.stdout.write(toHex(encode(s, v.truncated === true)) + '\n');
        return 0;
      case 'inventory':
      case 'read':
      case 'secure':
      case 'unsecure':
        return await withReader(command, s, v['no-eas'] === true, io, locale);
      case 'simulate':
        return await simulate(s, io, locale);
      default:
        io.stdout.write(TEXT.usage[locale] + '\n');
        return command === undefined || v.help ? 0 : 2;
    }
  } catch (e) {
    if (!(e instanceof RfidError)) throw e;
    io.stderr.write(`${e.code}: ${describeError(e.code, locale)} ${JSON.stringify(e.details)}\n`);
    return 1;
  }
}

function encode(s: (k: string) => string | undefined, truncated: boolean): Uint8Array {
  const model = s('model');
  const id = s('id');
  if (!id) throw new RfidError('BAD_VALUE', { field: '--id' });
  if (model === 'iso28560-3') {
    return encodeTag({
      model,
      data: {
        version: 1,
        typeOfUsage: num(s('type'), 1)!,
        partsInItem: num(s('parts'), 1)!,
        partNumber: num(s('part'), 1)!,
        primaryItemId: id,
        country: s('country') ?? '',
        library: s('library') ?? '',
      },
      options: { truncated },
    });
  }
  if (model === 'iso28560-2') {
    const data: Record<string, string> = { primaryItemId: id };
    for (const [flag, key] of [
      ['owner', 'ownerIsil'],
      ['set', 'setInformation'],
      ['shelf', 'shelfLocation'],
      ['usage', 'typeOfUsage'],
    ] as const) {
      const val = s(flag);
      if (val) data[key] = val;
    }
    return encodeTag({ model, data });
  }
  throw new RfidError('CONFIG', { field: '--model', actual: String(model) });
}

async function withReader(
  command: string,
  s: (k: string) => string | undefined,
  noEas: boolean,
  io: Io,
  locale: Locale,
): Promise<number> {
  const path = s('port');
  if (!path) throw new RfidError('CONFIG', { field: '--port' });
  const protocol = (s('protocol') ?? '3m') as '3m' | 'feig';
  const reader = await openReader({ protocol, path, timeoutMs: 3000, reconnect: false });
  try {
    if (command === 'inventory') {
      const afi = num(s('afi'));
      io.stdout.write(json(await reader.inventory(afi === undefined ? {} : { afi })));
    } else if (command === 'read') {
      const uids = s('uid') ? [s('uid')!] : (await reader.inventory()).map((t) => t.uid);
      const out = [];
      for (const uid of uids) {
        try {
          out.push(await readTag(reader, uid, num(s('blocks'))));
        } catch (e) {
          if (!(e instanceof RfidError)) throw e;
          out.push({ uid, error: e.code, details: e.details });
        }
      }
      io.stdout.write(json(out));
    } else {
      const uid = s('uid');
      if (!uid) throw new RfidError('CONFIG', { field: '--uid' });
      const secured = command === 'secure';
      await setSecured(reader, uid, secured, {
        afi: { onShelf: num(s('afi-shelf'), 0x07)!, onLoan: num(s('afi-loan'), 0xc2)! },
        eas: !noEas,
      });
      io.stdout.write(`${uid} ${secured ? TEXT.secured[locale] : TEXT.unsecured[locale]}\n`);
    }
    return 0;
  } finally {
    await reader.close();
  }
}

async function simulate(s: (k: string) => string | undefined, io: Io, locale: Locale): Promise<number> {
  const protocol = (s('protocol') ?? '3m') as '3m' | 'feig';
  const padPath = s('pad');
  const pad: PadFile = padPath ? JSON.parse(await readFile(padPath, 'utf8')) : { tags: [] };
  const sim = await startPtySimulator({ protocol, pad: pad.tags });
  io.stdout.write(`${TEXT.simulating[locale](protocol, pad.tags.length)}\n${sim.path}\n`);
  io.stderr.write(TEXT.simHelp[locale] + '\n');
  const stdin = io.stdin ?? process.stdin;
  const done = new Promise<void>((resolve) => {
    const rl = createInterface({ input: stdin });
    const stop = () => {
      rl.close();
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    rl.on('close', resolve);
    rl.on('line', async (line) => {
      const [verb, arg, hex] = line.trim().split(/\s+/);
      try {
        if (verb === 'place' && arg) sim.pad.place({ uid: arg, ...(hex ? { data: hex } : {}) });
        else if (verb === 'lift' && arg) sim.pad.lift(arg);
        else if (verb === 'crc') sim.simulator.injectCrcError();
        else if (verb === 'collision') sim.simulator.injectCollision();
        else if (verb === 'unplug') await sim.unplug();
        else if (verb === 'replug') await sim.replug();
        else if (verb === 'quit') return stop();
        io.stdout.write(json(sim.pad.state()));
      } catch (e) {
        if (!(e instanceof RfidError)) throw e;
        io.stderr.write(`${e.code}: ${describeError(e.code, locale)}\n`);
      }
    });
  });
  await done;
  await sim.stop();
  return 0;
}
