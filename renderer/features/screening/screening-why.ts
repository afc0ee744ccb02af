/** Why each screening question is asked, in a sentence (the app's own words). */
import type { ScreeningQuestionId } from '../../bridge/contract';

export const SCREENING_WHY: Record<ScreeningQuestionId, string> = {
  'herniated-disc': 'Lying and bending over a roller puts load on the discs; an injured disc may not take it.',
  osteoporosis: 'Bones that break more easily can be hurt by body weight pressing on a firm roller.',
  'spinal-instability': 'Rolling moves and presses on the spine; an unstable or narrowed spine needs a professional’s advice first.',
  'recent-injury': 'Tissue that is still healing should not take pressure until someone treating you says it may.',
  'nerve-symptoms': 'These can mean a nerve is being pressed on; rolling could make that worse.',
  pregnancy: 'Lying on your back and pressing on it may not suit every stage of pregnancy.',
  'inflammatory-joint': 'Inflamed spinal joints can flare up with pressure and bending backwards.',
  dizziness: 'Getting down to the floor, rolling on your back and getting up again can make you fall.',
};
