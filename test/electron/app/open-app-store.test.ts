import { describe, expect, it } from 'vitest';
import { droppedText, savingAgainText } from '../../../electron/app/open-app-store';

const none = { frames: 0, samples: 0, trackPoints: 0, events: 0 };

describe('what the app store tells the user about saving', () => {
  it('names what was dropped while saving failed, and nothing when nothing was', () => {
    expect(droppedText(none)).toBeNull();
    expect(droppedText({ ...none, frames: 1, events: 2 })).toBe(
      'Part of this session could not be saved: 1 sensor notification, 2 warnings arrived while saving failed and could not be kept. The rest is saved.',
    );
  });

  it('says saving works again, and whether anything was lost meanwhile', () => {
    expect(savingAgainText(4, none)).toBe('Saving session 4 works again: what arrived while it failed is saved too.');
    expect(savingAgainText(4, { ...none, trackPoints: 30 })).toBe('Saving session 4 works again, but 30 items that arrived while it failed could not be kept.');
  });
});
