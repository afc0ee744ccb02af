/**
 * Remembers the window's size and position between runs (a small JSON file in the data folder),
 * and puts a saved window back only where a screen still shows it.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

export const WindowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(10000),
  height: z.number().int().min(300).max(10000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export const DEFAULT_WINDOW = { width: 1280, height: 800 };

export function loadWindowState(path: string): WindowState | null {
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveWindowState(path: string, state: WindowState): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, JSON.stringify(state));
  renameSync(`${path}.tmp`, path);
}

/** The saved bounds if at least 100 × 100 px of them lie on one of the displays' work areas. */
export function visibleBounds(state: WindowState | null, workAreas: readonly { x: number; y: number; width: number; height: number }[]): WindowState | null {
  if (!state) return null;
  const visible = workAreas.some((a) => {
    const w = Math.min(state.x + state.width, a.x + a.width) - Math.max(state.x, a.x);
    const h = Math.min(state.y + state.height, a.y + a.height) - Math.max(state.y, a.y);
    return w >= 100 && h >= 100;
  });
  return visible ? state : null;
}
