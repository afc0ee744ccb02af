import { describe, expect, it } from 'vitest';
import { createAudioCues } from '../../../../renderer/features/live/audio-cues';

/** Just enough of WebAudio to count what the cues schedule. */
function fakeAudio(state: 'running' | 'suspended' = 'running') {
  const log = { oscillators: 0, resumed: 0, freqs: [] as number[] };
  const param = () => ({ setValueAtTime: (v: number) => log.freqs.push(v), exponentialRampToValueAtTime: () => {} });
  class Ctx {
    state = state;
    currentTime = 0;
    destination = {};
    resume() {
      log.resumed++;
      this.state = 'running';
      return Promise.resolve();
    }
    createOscillator() {
      log.oscillators++;
      const frequency = param();
      return { type: 'sine', frequency, connect: (n: unknown) => n, start() {}, stop() {} };
    }
    createGain() {
      const g = { gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect: (n: unknown) => n };
      return g;
    }
  }
  return { Ctx: Ctx as unknown as new () => AudioContext, log };
}

function fakeSpeech() {
  const said: string[] = [];
  let cancels = 0;
  const synth = { speak: (u: { text: string }) => said.push(u.text), cancel: () => cancels++ } as unknown as SpeechSynthesis;
  class Utterance {
    rate = 1;
    volume = 1;
    lang = '';
    constructor(readonly text: string) {}
  }
  return { synth, Utterance: Utterance as unknown as typeof SpeechSynthesisUtterance, said, cancels: () => cancels };
}

const immediate = (fn: () => void) => {
  fn();
  return 0;
};

describe('audio cues', () => {
  it('never throws where there is no audio at all', () => {
    const cues = createAudioCues({ setTimeout: immediate });
    expect(() => {
      cues.unlock();
      cues.play('lumbar', 'Too low', { sounds: true, speech: true });
      cues.hush();
    }).not.toThrow();
  });

  it('never throws when the audio context or speech fail', () => {
    class Broken {
      constructor() {
        throw new Error('no device');
      }
    }
    const cues = createAudioCues({
      AudioContext: Broken as unknown as new () => AudioContext,
      speechSynthesis: {
        speak: () => {
          throw new Error('x');
        },
        cancel: () => {
          throw new Error('y');
        },
      } as unknown as SpeechSynthesis,
      SpeechSynthesisUtterance: class {} as unknown as typeof SpeechSynthesisUtterance,
      setTimeout: immediate,
    });
    expect(() => {
      cues.unlock();
      cues.play('neck', 'Too high', { sounds: true, speech: true });
      cues.hush();
    }).not.toThrow();
  });

  it('plays the tone pattern of the kind, then speaks after it', () => {
    const { Ctx, log } = fakeAudio();
    const speech = fakeSpeech();
    const delays: number[] = [];
    const cues = createAudioCues({
      AudioContext: Ctx,
      speechSynthesis: speech.synth,
      SpeechSynthesisUtterance: speech.Utterance,
      setTimeout: (fn, ms) => {
        delays.push(ms);
        fn();
        return 0;
      },
    });
    cues.unlock();
    cues.play('lumbar', 'Too low', { sounds: true, speech: true });
    expect(log.oscillators).toBe(3);
    expect(log.freqs).toContain(294);
    expect(speech.said).toEqual(['Too low']);
    expect(delays[0]).toBeGreaterThan(500);
  });

  it('follows the sounds and speech switches', () => {
    const { Ctx, log } = fakeAudio();
    const speech = fakeSpeech();
    const cues = createAudioCues({ AudioContext: Ctx, speechSynthesis: speech.synth, SpeechSynthesisUtterance: speech.Utterance, setTimeout: immediate });
    cues.play('too-fast', 'Slow down', { sounds: false, speech: false });
    expect(log.oscillators).toBe(0);
    expect(speech.said).toEqual([]);
    cues.play('too-fast', 'Slow down', { sounds: false, speech: true });
    expect(speech.said).toEqual(['Slow down']);
    cues.play('too-fast', 'Slow down', { sounds: true, speech: false });
    expect(log.oscillators).toBe(2);
  });

  it('skips tones while the context is suspended (before a gesture) and resumes it', () => {
    const { Ctx, log } = fakeAudio('suspended');
    const cues = createAudioCues({ AudioContext: Ctx, setTimeout: immediate });
    cues.play('dwell-nudge', 'Move on', { sounds: true, speech: false });
    expect(log.oscillators).toBe(0);
    expect(log.resumed).toBe(1);
    cues.play('dwell-nudge', 'Move on', { sounds: true, speech: false });
    expect(log.oscillators).toBe(1);
  });
});
