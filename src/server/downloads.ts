/** `Content-Disposition` for a download, with the UTF-8 name for browsers that read it. */
export function attachment(name: string, asciiName = encodeURIComponent(name)): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
