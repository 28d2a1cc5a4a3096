/** A sheet name as it must be written in A1 notation: quoted, with quotes doubled, unless plain. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
