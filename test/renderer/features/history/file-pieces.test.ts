import { describe, expect, it } from 'vitest';
import { filePieces } from '../../../../renderer/features/history/file-pieces';

async function all(blob: Blob, maxChars: number, sliceBytes?: number) {
  const out: { text: string; bytesRead: number }[] = [];
  for await (const p of filePieces(blob, maxChars, sliceBytes)) out.push(p);
  return out;
}

describe('file pieces', () => {
  it('reads the whole text in pieces of at most maxChars, with bytes read growing to the size', async () => {
    const text = 'line,1\n'.repeat(1000);
    const pieces = await all(new Blob([text]), 500, 300);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.every((p) => p.text.length <= 500)).toBe(true);
    expect(pieces.at(-1)!.bytesRead).toBe(text.length);
    for (let i = 1; i < pieces.length; i++) expect(pieces[i]!.bytesRead).toBeGreaterThanOrEqual(pieces[i - 1]!.bytesRead);
  });

  it('decodes multi-byte characters split across slices and never splits a surrogate pair', async () => {
    const text = '# sensor=Rücken 🦴 roller\n'.repeat(50);
    for (const slice of [1, 2, 3, 7]) {
      const pieces = await all(new Blob([text]), 9, slice);
      expect(pieces.map((p) => p.text).join('')).toBe(text);
      for (const p of pieces) expect(/[\ud800-\udbff]$/.test(p.text)).toBe(false);
    }
  });

  it('gives nothing for an empty file', async () => {
    expect(await all(new Blob([]), 10)).toEqual([]);
  });
});
