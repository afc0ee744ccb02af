/**
 * A chosen file's text in pieces of at most `maxChars` characters, read slice by slice (a file of
 * tens of megabytes is never held as one string here), decoded as UTF-8 across slice edges.
 */
export interface FilePiece {
  text: string;
  /** Bytes of the file read so far. */
  bytesRead: number;
}

export async function* filePieces(file: Blob, maxChars: number, sliceBytes = maxChars): AsyncGenerator<FilePiece> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let pending = '';
  for (let at = 0; at < file.size; at += sliceBytes) {
    const end = Math.min(file.size, at + sliceBytes);
    const bytes = new Uint8Array(await file.slice(at, end).arrayBuffer());
    pending += decoder.decode(bytes, { stream: end < file.size });
    while (pending.length >= maxChars) {
      // Never split a surrogate pair between two pieces.
      let cut = maxChars;
      const c = pending.charCodeAt(cut - 1);
      if (c >= 0xd800 && c <= 0xdbff) cut--;
      yield { text: pending.slice(0, cut), bytesRead: end };
      pending = pending.slice(cut);
    }
  }
  pending += decoder.decode();
  if (pending.length > 0) yield { text: pending, bytesRead: file.size };
}
