import { createHash } from 'node:crypto';

/** SM3 (GB/T 32905) of a text's UTF-8 bytes, as lowercase hex: Node's OpenSSL has it built in. */
export function sm3(text: string): string {
  return createHash('sm3').update(text, 'utf8').digest('hex');
}
