import { TourFormatError } from '../errors/TourFormatError';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export { fromBase64, toBase64 };

/** DER bytes → PEM armour with the given label (RFC 7468). */
export function derToPem(der: Uint8Array, label: string): string {
  const body = toBase64(der).replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** Every PEM block of `text` with its label, in order. */
export function pemBlocks(text: string): { label: string; der: Uint8Array }[] {
  const out: { label: string; der: Uint8Array }[] = [];
  for (const m of text.matchAll(PEM_BLOCK)) {
    const body = (m[2] ?? '').replace(/\s+/g, '');
    try {
      out.push({ label: m[1] ?? '', der: fromBase64(body) });
    } catch (cause) {
      throw new TourFormatError('KEY_INVALID', { issue: 'PEM body is not base64' }, { cause });
    }
  }
  return out;
}

/** The DER of the single PEM block labelled `label`, or KEY_INVALID. */
export function pemToDer(pem: string, label: string): Uint8Array {
  const block = pemBlocks(pem).find((b) => b.label === label);
  if (!block) throw new TourFormatError('KEY_INVALID', { issue: `no ${label} PEM block` });
  return block.der;
}
