/** A test id for props objects (a modal's button props), where JSX's data-* attributes are not available. */
export function testId(id: string): Record<string, string> {
  return { 'data-testid': id };
}

/** A signature or key id shortened for display: its start and end. */
export function shortHex(value: string, keep = 8): string {
  return value.length <= keep * 2 + 1 ? value : `${value.slice(0, keep)}…${value.slice(-keep)}`;
}

/** An instant in China time, in the app's one format (web/format.ts). */
export { formatChinaTime as formatTime } from '../../format';

/** Downloads go straight to the server's URL: the session cookie authorises a GET. */
export function consultationFile(id: number, name: 'summary.xlsx' | 'summary.docx' | 'situation.docx' | 'letter.docx'): string {
  return `/api/consultations/${id}/${name}`;
}
