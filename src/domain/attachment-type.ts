/**
 * What an uploaded evidence file really is, from its first bytes, never from the name or the
 * type the browser claims: PDF, PNG, JPEG, GIF, WebP, legacy Office/WPS (OLE2) and the
 * Office Open XML formats (a ZIP holding word/, xl/ or ppt/). Anything else is refused.
 */
export interface SniffedType {
  mediaType: string;
  extension: string;
}

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const OLE_BY_EXTENSION: Record<string, SniffedType> = {
  doc: { mediaType: 'application/msword', extension: 'doc' },
  wps: { mediaType: 'application/vnd.ms-works', extension: 'wps' },
  xls: { mediaType: 'application/vnd.ms-excel', extension: 'xls' },
  et: { mediaType: 'application/vnd.ms-excel', extension: 'et' },
  ppt: { mediaType: 'application/vnd.ms-powerpoint', extension: 'ppt' },
  dps: { mediaType: 'application/vnd.ms-powerpoint', extension: 'dps' },
};

function startsWith(bytes: Buffer, prefix: Buffer | string): boolean {
  const p = typeof prefix === 'string' ? Buffer.from(prefix, 'latin1') : prefix;
  return bytes.length >= p.length && bytes.subarray(0, p.length).equals(p);
}

export function sniffAttachment(bytes: Buffer, filename: string): SniffedType | null {
  if (startsWith(bytes, '%PDF-')) return { mediaType: 'application/pdf', extension: 'pdf' };
  if (startsWith(bytes, PNG)) return { mediaType: 'image/png', extension: 'png' };
  if (startsWith(bytes, Buffer.from([0xff, 0xd8, 0xff]))) return { mediaType: 'image/jpeg', extension: 'jpg' };
  if (startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a')) return { mediaType: 'image/gif', extension: 'gif' };
  if (startsWith(bytes, 'RIFF') && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return { mediaType: 'image/webp', extension: 'webp' };
  if (startsWith(bytes, OLE2)) {
    // Word, Excel, PowerPoint and WPS share the container; the name tells which (a wrong name does no harm).
    const ext = /\.([a-z]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
    return OLE_BY_EXTENSION[ext] ?? { mediaType: 'application/x-ole-storage', extension: 'doc' };
  }
  if (startsWith(bytes, 'PK\u0003\u0004')) {
    // Local file headers carry entry names in clear: look for the parts that make each format.
    const head = bytes.subarray(0, Math.min(bytes.length, 256 * 1024)).toString('latin1');
    if (head.includes('word/')) return { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' };
    if (head.includes('xl/')) return { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' };
    if (head.includes('ppt/')) return { mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extension: 'pptx' };
    return null;
  }
  return null;
}

/** A filename safe to store and send back: no path, no control characters, bounded. */
export function cleanFilename(name: string, fallbackExtension: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 200);
  return clean === '' ? `attachment.${fallbackExtension}` : clean;
}
