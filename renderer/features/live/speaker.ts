/**
 * The voice guide's speaker: says a sentence with the platform's speech synthesis (Web Speech
 * API). Sentences queue, so a prompt is never cut off by the next one; `hush` stops it all.
 * Injected into the app's services, so tests capture what is said (`capturingSpeaker`). Never
 * throws: where there is no voice, nothing is said.
 */
export interface Speaker {
  say(text: string): void;
  hush(): void;
}

interface SpeechEnv {
  speechSynthesis?: SpeechSynthesis;
  SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance;
}

export function createSpeechSpeaker(env: SpeechEnv = globalThis): Speaker {
  return {
    say(text) {
      try {
        const synth = env.speechSynthesis;
        const Utterance = env.SpeechSynthesisUtterance;
        if (!synth || !Utterance) return;
        const u = new Utterance(text);
        u.rate = 0.95;
        u.volume = 1;
        u.lang = 'en';
        synth.speak(u);
      } catch {
        /* no voice here */
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

/** A speaker that keeps what it was asked to say (tests). */
export function capturingSpeaker(): Speaker & { said: string[]; hushed: number } {
  const s = {
    said: [] as string[],
    hushed: 0,
    say(text: string) {
      s.said.push(text);
    },
    hush() {
      s.hushed++;
    },
  };
  return s;
}
