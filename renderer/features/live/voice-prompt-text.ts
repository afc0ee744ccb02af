/**
 * What the voice guide says for each prompt main sends (`prompt` events: the hands-free machine,
 * the routines and the free hands-free session's guide, electron/app/). The one place for the wording: spoken, and shown on screen
 * where a prompt is shown. The technique is the app's own words of docs/coaching-rules.md.
 */
import type { VoicePrompt } from '../../bridge/contract';

export function voicePromptText(p: VoicePrompt): string {
  switch (p.kind) {
    case 'armed':
      return 'Hands-free is on. Lie back on the roller just below the shoulder blades, knees bent, feet flat. Hold still, then roll up slowly to start.';
    case 'started':
      return 'Started. Roll slowly.';
    case 'paused':
      return 'Paused. Roll again when you are ready.';
    case 'resumed':
      return 'Going on.';
    case 'release-position':
      return 'Back release. Lie back on the roller just below the shoulder blades, knees bent, feet flat, hands holding your head. Hold still, then roll up slowly to start.';
    case 'area':
      return p.area === 'mid-back' ? 'Now the middle of the back: roll down to the end of the ribs, not below.' : 'Roll the upper back, up toward the shoulders, and back.';
    case 'time-left':
      return timeLeftText(p.seconds ?? 0);
    case 'release-done':
      return 'That is the release done. Roll off to one side and rest.';
    case 'extension-position':
      return 'Thoracic extension. Sit in front of the roller and lie back so it lies across your upper back, below the shoulder blades. Hands behind your head to support it. The roller stays still. A pop may come; never force one.';
    case 'extension-lean':
      return `${p.rep ?? 1} of ${p.reps ?? 10}. Lean back slowly over the roller, head supported.`;
    case 'extension-hold':
      return 'Hold.';
    case 'extension-return':
      return 'Come back up.';
    case 'extension-done':
      return 'That is ten. Sit up slowly and rest.';
    case 'keep-still':
      return 'Keep the roller still. Lean back over it; do not roll.';
    case 'next-area':
      return p.area === 'upper-back'
        ? 'The middle of the back has had its time. Now the upper back: roll up toward the shoulders, not onto the neck.'
        : 'The upper back has had its time. Now the middle of the back: roll down to the end of the ribs, not below.';
    case 'areas-covered':
      return 'Upper and middle back have both had their time. A few more slow strokes, then rest.';
    case 'today-left':
      return `${timeAmountText(p.seconds ?? 0)} of rolling left for today.`;
    case 'budget-used':
      return 'That is enough rolling for today. Roll off to one side and rest.';
  }
}

function timeLeftText(s: number): string {
  return `${timeAmountText(s)} left.`;
}

/** "One minute", "2 minutes", "30 seconds". */
function timeAmountText(s: number): string {
  if (s >= 60 && s % 60 === 0) return s === 60 ? 'One minute' : `${s / 60} minutes`;
  return `${s} seconds`;
}
