/**
 * One PNG of a session's charts for the export: a title line, then each chart as drawn on screen,
 * stacked on the review's dark background. Returns the PNG as base64 (no data-URL prefix).
 */
export function chartImageBase64(title: string, charts: readonly HTMLCanvasElement[], doc: Document = document): string | null {
  const shown = charts.filter((c) => c.width > 0 && c.height > 0);
  if (shown.length === 0) return null;
  const pad = 24;
  const titleH = 56;
  const width = Math.max(...shown.map((c) => c.width)) + 2 * pad;
  const height = titleH + shown.reduce((h, c) => h + c.height + pad, 0) + pad;
  const out = doc.createElement('canvas');
  out.width = width;
  out.height = height;
  const g = out.getContext('2d');
  if (!g) return null;
  g.fillStyle = '#0b0d12';
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#ffffff';
  g.font = 'bold 28px system-ui, sans-serif';
  // Shrink the title to fit the image's width.
  const fit = Math.floor(28 * Math.min(1, (width - 2 * pad) / Math.max(1, g.measureText(title).width)));
  g.font = `bold ${Math.max(12, fit)}px system-ui, sans-serif`;
  g.textBaseline = 'middle';
  g.fillText(title, pad, pad + titleH / 2 - 8);
  let y = titleH + pad;
  for (const c of shown) {
    g.fillStyle = '#000000';
    g.fillRect(pad, y, c.width, c.height);
    g.drawImage(c, pad, y);
    y += c.height + pad;
  }
  const url = out.toDataURL('image/png');
  const comma = url.indexOf(',');
  return comma >= 0 ? url.slice(comma + 1) : null;
}
