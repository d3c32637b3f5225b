/**
 * The type a stored upload is served with, decided from its bytes, never from what the
 * uploader claimed: a .docx, .xlsx or PDF by magic bytes, text when it is valid UTF-8 with
 * no control characters, anything else application/octet-stream. Served with nosniff and as
 * an attachment, so a file that claims text/html can never run in the app's origin.
 */
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function sniffStoredType(bytes: Buffer): string {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) {
    const head = bytes.subarray(0, Math.min(bytes.length, 64 * 1024)).toString('latin1');
    if (head.includes('word/')) return DOCX;
    if (head.includes('xl/')) return XLSX;
    return 'application/octet-stream';
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD')) return 'application/octet-stream';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) return 'application/octet-stream';
  }
  return 'text/plain; charset=utf-8';
}
