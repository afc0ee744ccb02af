/**
 * Everything the UI shares, created once: the bridge, the shell's store, the live feed, the
 * warning banner's store and the audible cues. `wireServices` routes the app's pushed events to
 * them and returns the function that unsubscribes everything.
 */
import type { RollerBridge } from '../bridge/roller-bridge';
import { createAudioCues, type AudioCues } from '../features/live/audio-cues';
import { LiveFeed } from '../features/live/live-feed';
import { createSpeechSpeaker, type Speaker } from '../features/live/speaker';
import { voicePromptText } from '../features/live/voice-prompt-text';
import { createWarningStore, type WarningStore } from '../features/live/warning-store';
import { formatSpeed } from '../common/units';
import { createAppStore, type AppStore } from './app-store';

export interface AppServices {
  bridge: RollerBridge;
  store: AppStore;
  liveFeed: LiveFeed;
  warnings: WarningStore;
  cues: AudioCues;
  /** The voice guide of hands-free sessions and routines (Settings → Voice guide). */
  speaker: Speaker;
}

export function createAppServices(bridge: RollerBridge, speaker: Speaker = createSpeechSpeaker()): AppServices {
  const store = createAppStore(bridge);
  const cues = createAudioCues();
  const warnings = createWarningStore({
    cues,
    context() {
      const profile = store.state.get().snapshot?.profile;
      const units = profile?.units ?? 'in';
      const limit = formatSpeed(profile?.speedLimitInPerS ?? 1, units);
      return {
        speedLimitText: `${limit.value} ${limit.unit}`,
        dwellNudgeS: profile?.dwellNudgeS ?? 15,
        dwellLimitS: profile?.dwellLimitS ?? 30,
        dailyBudgetMin: profile?.dailyBudgetMin ?? 10,
        sounds: profile?.sounds ?? true,
        speech: profile?.speech ?? false,
      };
    },
  });
  return { bridge, store, liveFeed: new LiveFeed(), warnings, cues, speaker };
}

export function wireServices(s: AppServices): () => void {
  const offs = [
    s.store.start(),
    s.bridge.subscribe('live', (batch) => s.liveFeed.push(batch.points, performance.now(), batch.rolling)),
    s.bridge.subscribe('coach', (event) => s.warnings.offer(event)),
    s.bridge.subscribe('prompt', (prompt) => {
      if (s.store.state.get().snapshot?.profile.voiceGuide) s.speaker.say(voicePromptText(prompt));
    }),
    s.bridge.subscribe('session', (session) => {
      if (session.state !== 'running') s.cues.hush();
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
