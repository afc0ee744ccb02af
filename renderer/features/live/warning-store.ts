/**
 * The banner's warning: takes `coach` events, decides whether they replace what is showing
 * (`warning-queue.ts`), plays the audible cue for each warning shown, and clears the banner when
 * its time is up.
 */
import type { CoachEventMessage } from '../../bridge/contract';
import { createSmallStore, type SmallStore } from '../../common/small-store';
import type { AudioCues, CueSettings } from './audio-cues';
import { expireWarning, offerWarning, type ActiveWarning } from './warning-queue';
import { warningText, type WarningContext } from './warning-text';

export interface WarningStore {
  readonly active: SmallStore<ActiveWarning | null>;
  offer(event: CoachEventMessage): void;
  clear(): void;
}

export interface WarningStoreDeps {
  cues: AudioCues;
  context(): WarningContext & CueSettings;
  now?: () => number;
}

export function createWarningStore(deps: WarningStoreDeps): WarningStore {
  const now = deps.now ?? (() => performance.now());
  const active = createSmallStore<ActiveWarning | null>(null);
  let timer: ReturnType<typeof setTimeout> | null = null;

  function scheduleClear(w: ActiveWarning): void {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(
      () => {
        timer = null;
        const next = expireWarning(active.get(), now());
        active.set(next);
        if (next) scheduleClear(next);
      },
      Math.max(0, w.clearAtMs - now()) + 5,
    );
  }

  return {
    active,
    offer(event) {
      const ctx = deps.context();
      const text = warningText(event.kind, ctx);
      const { active: next, shown } = offerWarning(active.get(), event, text.priority, text.showForMs, now());
      if (!shown) return;
      active.set(next);
      scheduleClear(next);
      deps.cues.play(event.kind, text.speech, ctx);
    },
    clear() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      active.set(null);
    },
  };
}
