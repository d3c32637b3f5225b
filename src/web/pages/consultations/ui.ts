/** A test id for props objects (a modal's button props), where JSX's data-* attributes are not available. */
export function testId(id: string): Record<string, string> {
  return { 'data-testid': id };
}

/** A signature or key id shortened for display: its start and end. */
export function shortHex(value: string, keep = 8): string {
  return value.length <= keep * 2 + 1 ? value : `${value.slice(0, keep)}…${value.slice(-keep)}`;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * An instant in China time (UTC+8, no daylight saving), whatever the browser's zone: deadlines
 * are China dates, so a seal time must read on the same clock to be compared with them.
 */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const china = new Date(at + CHINA_OFFSET_MS).toISOString();
  return `${china.slice(0, 10)} ${china.slice(11, 16)}`;
}

/** Downloads go straight to the server's URL: the session cookie authorises a GET. */
export function consultationFile(id: number, name: 'summary.xlsx' | 'summary.docx' | 'situation.docx' | 'letter.docx'): string {
  return `/api/consultations/${id}/${name}`;
}
