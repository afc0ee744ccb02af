/**
 * A UTF-8 text file read block by block, as strings: what a streamed import feeds the recording
 * reader. Synchronous (the import runs inside one database transaction, which cannot wait), and
 * only one block is held at a time. A character split across two blocks is decoded whole.
 * Errors are the file system's (`ENOENT`, `EISDIR` …); the caller names the file.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** Bytes read per block. */
export const TEXT_FILE_BLOCK_BYTES = 1 << 20;

export function* textFileChunks(path: string, blockBytes = TEXT_FILE_BLOCK_BYTES): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(blockBytes);
    const decoder = new StringDecoder('utf8');
    for (;;) {
      const n = readSync(fd, buffer, 0, blockBytes, null);
      if (n === 0) break;
      const text = decoder.write(buffer.subarray(0, n));
      if (text.length > 0) yield text;
    }
    const rest = decoder.end();
    if (rest.length > 0) yield rest;
  } finally {
    closeSync(fd);
  }
}
