/** Puts text on the clipboard (the browser's clipboard API); rejects when the page may not. */
export async function copyToClipboard(text: string): Promise<void> {
  if (!navigator.clipboard?.writeText) throw new Error('this window cannot use the clipboard');
  await navigator.clipboard.writeText(text);
}
