/**
 * Audible warnings: a WebAudio tone pattern per warning kind (`cue-tones.ts`) and, where the
 * platform has speech synthesis, a short spoken phrase after it. Follows the profile's `sounds`
 * and `speech` switches. Never throws: where audio is missing or blocked, cues are skipped.
 *
 * Browsers start audio only after a user gesture, so `unlock()` is called from the first click or
 * key press (and the Start button); until then tones are skipped, speech is still tried.
 */
import type { CoachEventKind } from '../../bridge/contract';
import { CUE_TONES, cueLengthS } from './cue-tones';

export interface CueSettings {
  sounds: boolean;
  speech: boolean;
}

export interface AudioCues {
  /** Creates or resumes the audio context; call from a user gesture. */
  unlock(): void;
  play(kind: CoachEventKind, phrase: string, settings: CueSettings): void;
  /** Stops speech in progress (e.g. when the session ends). */
  hush(): void;
}

type AudioContextCtor = new () => AudioContext;

interface AudioEnv {
  AudioContext?: AudioContextCtor;
  webkitAudioContext?: AudioContextCtor;
  speechSynthesis?: SpeechSynthesis;
  SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance;
  setTimeout(fn: () => void, ms: number): unknown;
}

export function createAudioCues(env: AudioEnv = globalThis): AudioCues {
  let ctx: AudioContext | null = null;
  let ctxFailed = false;

  function context(): AudioContext | null {
    if (ctx || ctxFailed) return ctx;
    const Ctor = env.AudioContext ?? env.webkitAudioContext;
    if (!Ctor) {
      ctxFailed = true;
      return null;
    }
    try {
      ctx = new Ctor();
    } catch {
      ctxFailed = true;
    }
    return ctx;
  }

  function playTones(kind: CoachEventKind): boolean {
    const ac = context();
    if (!ac || ac.state !== 'running') {
      if (ac && ac.state === 'suspended') void ac.resume().catch(() => {});
      return false;
    }
    const t0 = ac.currentTime + 0.02;
    for (const tone of CUE_TONES[kind]) {
      const osc = ac.createOscillator();
      const gain = ac.createGain();
      osc.type = tone.wave;
      osc.frequency.setValueAtTime(tone.freqHz, t0);
      const start = t0 + tone.startS;
      const end = start + tone.durationS;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(tone.gain, start + 0.015);
      gain.gain.exponentialRampToValueAtTime(0.0001, end);
      osc.connect(gain).connect(ac.destination);
      osc.start(start);
      osc.stop(end + 0.02);
    }
    return true;
  }

  function speak(phrase: string): void {
    const synth = env.speechSynthesis;
    const Utterance = env.SpeechSynthesisUtterance;
    if (!synth || !Utterance) return;
    synth.cancel();
    const u = new Utterance(phrase);
    u.rate = 1;
    u.volume = 1;
    u.lang = 'en';
    synth.speak(u);
  }

  return {
    unlock() {
      try {
        const ac = context();
        if (ac && ac.state === 'suspended') void ac.resume().catch(() => {});
      } catch {
        /* no audio here */
      }
    },
    play(kind, phrase, settings) {
      let toned = false;
      if (settings.sounds) {
        try {
          toned = playTones(kind);
        } catch {
          toned = false;
        }
      }
      if (settings.speech) {
        const delayMs = toned ? Math.round(cueLengthS(kind) * 1000) + 80 : 0;
        const say = () => {
          try {
            speak(phrase);
          } catch {
            /* speech unavailable */
          }
        };
        try {
          if (delayMs > 0) env.setTimeout(say, delayMs);
          else say();
        } catch {
          /* timers unavailable */
        }
      }
    },
    hush() {
      try {
        env.speechSynthesis?.cancel();
      } catch {
        /* nothing to stop */
      }
    },
  };
}
