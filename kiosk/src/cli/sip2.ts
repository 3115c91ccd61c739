import { connect as netConnect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import {
  SipFrameReader,
  SipError,
  checksum,
  decodeFrame,
  encodeText,
  parseMessage,
  type SipCharset,
  type SipCodecOptions,
} from '../node/sip2';

/** `kiosk sip2 checksum '<message up to and including AZ>'`: the 4 hex digits. */
export function checksumCommand(message: string, charset: SipCharset): string {
  const upTo = message.replace(/[\r\n]+$/, '');
  const at = upTo.lastIndexOf('AZ');
  // Accept a message that already carries a checksum: recompute over the part up to AZ.
  const head = at >= 0 && upTo.length - at <= 6 ? upTo.slice(0, at + 2) : upTo;
  return checksum(head, charset);
}

/** `kiosk sip2 parse '<message>'`: the typed message as JSON, with `checksumValid`. */
export function parseCommand(message: string, charset: SipCharset): string {
  const d = parseMessage(message, { charset });
  return JSON.stringify(
    { message: d.message, sequence: d.sequence, checksum: d.checksum, checksumValid: d.checksumValid },
    null,
    2,
  );
}

/**
 * `kiosk sip2 send --host --port '<message>' ['<message>' …]`: staff diagnostics. Messages
 * go one after the other on one connection (so a login can precede a request). A message
 * ending in `AZ` gets its checksum appended; each raw answer and its parsed form are printed.
 */
export async function sendCommand(args: {
  host: string;
  port: number;
  tls: boolean;
  messages: string[];
  charset: SipCharset;
  terminator: 'cr' | 'crlf';
  timeoutMs: number;
}): Promise<string> {
  const codec: SipCodecOptions = { charset: args.charset };
  const wire = args.messages.map((m) => {
    let text = m.replace(/[\r\n]+$/, '');
    if (text.endsWith('AZ')) text += checksum(text, args.charset);
    return Buffer.concat([
      encodeText(text, args.charset),
      Buffer.from(args.terminator === 'crlf' ? '\r\n' : '\r'),
    ]);
  });
  const out: string[] = [];
  return new Promise((resolve, reject) => {
    const next = () => {
      const bytes = wire.shift();
      if (!bytes) {
        clearTimeout(timer);
        socket.end();
        resolve(out.join('\n'));
        return;
      }
      out.push(`> ${bytes.toString(args.charset === 'utf-8' ? 'utf8' : 'latin1').trimEnd()}`);
      socket.write(bytes);
    };
    const socket = args.tls
      ? tlsConnect({ host: args.host, port: args.port, rejectUnauthorized: false }, next)
      : netConnect({ host: args.host, port: args.port }, next);
    const reader = new SipFrameReader();
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new SipError('TIMEOUT', `no answer within ${args.timeoutMs} ms`));
    }, args.timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      for (const frame of reader.push(chunk)) {
        const d = decodeFrame(frame, codec);
        out.push(`< ${d.text}`);
        out.push(
          JSON.stringify(
            { message: d.message, sequence: d.sequence, checksumValid: d.checksumValid },
            null,
            2,
          ),
        );
        next();
      }
    });
    socket.on('error', (err) => {
      clearTimeout(timer);
      reject(new SipError('OFFLINE', `cannot reach ${args.host}:${args.port}: ${err.message}`));
    });
  });
}
