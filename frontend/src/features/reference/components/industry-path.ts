/** industryPath turns a section (`C`) or division (`C34`) code into the cascader's path. */
export function industryPath(code: string | undefined | null): string[] | undefined {
  if (!code) return undefined;
  return code.length === 1 ? [code] : [code.charAt(0), code];
}
