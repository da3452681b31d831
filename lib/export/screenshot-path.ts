/** Where a screenshot's bytes are in an exported archive, named everywhere (audit file, zip, spreadsheet cells) by this. */
export function screenshotPath(id: string): string {
  return `screenshots/${id}.png`;
}
