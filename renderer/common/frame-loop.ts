/**
 * One `requestAnimationFrame` loop for every live display: each registers a callback that reads
 * the newest data and touches the DOM only when what it shows changed. The loop runs only while
 * someone is registered, so an idle screen costs nothing.
 */
type FrameCallback = (nowMs: number) => void;

const callbacks = new Set<FrameCallback>();
let handle: number | null = null;

function tick(now: number): void {
  handle = null;
  for (const cb of [...callbacks]) {
    try {
      cb(now);
    } catch (err) {
      console.error('frame callback failed', err);
    }
  }
  if (callbacks.size > 0) handle = requestAnimationFrame(tick);
}

export function onFrame(cb: FrameCallback): () => void {
  callbacks.add(cb);
  if (handle === null) handle = requestAnimationFrame(tick);
  return () => {
    callbacks.delete(cb);
    if (callbacks.size === 0 && handle !== null) {
      cancelAnimationFrame(handle);
      handle = null;
    }
  };
}
