// @vitest-environment happy-dom
/**
 * Hands-free and routines in the UI: Start arms when hands-free is on, the routines start from
 * the Session screen, the extension tally and its gentle note, the armed / paused / routine state
 * shown large, and the voice guide saying each prompt in order (captured speaker).
 */
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { wireServices } from '../../../../renderer/app/app-services';
import type { VoicePrompt } from '../../../../renderer/bridge/contract';
import { GuideBanner } from '../../../../renderer/features/live/GuideBanner';
import { WarningBanner } from '../../../../renderer/features/live/WarningBanner';
import { RoutinePanel } from '../../../../renderer/features/live/RoutinePanel';
import { StartPanel } from '../../../../renderer/features/live/StartPanel';
import { voicePromptText } from '../../../../renderer/features/live/voice-prompt-text';
import { profileFixture, runningSessionFixture, snapshotFixture } from '../../app/fixtures';
import { fakeServices, renderWithServices } from '../../support/render-with-services';

const noTally = { extension: { lastWeek: 0, mostInOneDay: 0, manyTimesADay: false } };

describe('Start with hands-free on', () => {
  it('arms the session (the button says so) and explains what armed means', async () => {
    const armed = runningSessionFixture({ handsFree: { phase: 'armed', activeS: 0 } });
    const { user, bridge } = renderWithServices(<StartPanel />, { snapshot: snapshotFixture({ profile: profileFixture({ handsFree: true }) }), answers: { 'session.start': armed } });
    expect(screen.getByTestId('hands-free-note').textContent).toMatch(/starts when you roll and pauses while the roller rests/);
    await user.click(screen.getByRole('button', { name: 'Arm hands-free' }));
    expect(bridge.paramsOf('session.start')).toEqual([{}]);
  });

  it('says Start session, with no hands-free note, when it is off (the default)', () => {
    renderWithServices(<StartPanel />);
    expect(screen.getByTestId('start-button').textContent).toContain('Start session');
    expect(screen.queryByTestId('hands-free-note')).toBeNull();
  });
});

describe('RoutinePanel', () => {
  it('starts the back release or the extension as a routine', async () => {
    const { user, bridge } = renderWithServices(<RoutinePanel />, { answers: { 'routines.tally': noTally, 'session.start': runningSessionFixture() } });
    await user.click(screen.getByTestId('routine-back-release'));
    await user.click(screen.getByTestId('routine-thoracic-extension'));
    expect(bridge.paramsOf('session.start')).toEqual([{ routine: 'back-release' }, { routine: 'thoracic-extension' }]);
  });

  it('shows how often extension was done in the last 7 days, and a gentle note once it is many times a day', async () => {
    const a = renderWithServices(<RoutinePanel />, { answers: { 'routines.tally': { extension: { lastWeek: 1, mostInOneDay: 1, manyTimesADay: false } } } });
    await waitFor(() => expect(screen.getByTestId('extension-tally').textContent).toBe('Extension in the last 7 days: once.'));
    expect(screen.queryByTestId('extension-habit-note')).toBeNull();
    a.unmount();
    renderWithServices(<RoutinePanel />, { answers: { 'routines.tally': { extension: { lastWeek: 9, mostInOneDay: 4, manyTimesADay: true } } } });
    await waitFor(() => expect(screen.getByTestId('extension-tally').textContent).toBe('Extension in the last 7 days: 9 times.'));
    expect(screen.getByTestId('extension-habit-note').textContent).toMatch(/4 times in one day.*once a day is plenty, and a pop is never the goal/);
  });

  it('points to Settings while the voice guide is off', async () => {
    const { user, nav } = renderWithServices(<RoutinePanel />, { answers: { 'routines.tally': noTally } });
    await user.click(screen.getByRole('button', { name: 'Turn on the voice guide in Settings' }));
    expect(nav.go).toHaveBeenCalledWith('settings');
    renderWithServices(<RoutinePanel />, { snapshot: snapshotFixture({ profile: profileFixture({ voiceGuide: true }) }), answers: { 'routines.tally': noTally } });
    expect(screen.getAllByTestId('voice-guide-off')).toHaveLength(1);
  });
});

describe('GuideBanner', () => {
  it('shows nothing for a session started by hand', () => {
    const { container } = renderWithServices(<GuideBanner session={runningSessionFixture()} />);
    expect(container.textContent).toBe('');
  });

  it('shows armed, rolling and paused large', () => {
    const { rerender } = renderWithServices(<GuideBanner session={runningSessionFixture({ handsFree: { phase: 'armed', activeS: 0 } })} />);
    const banner = () => screen.getByTestId('guide-state');
    expect(banner().dataset['phase']).toBe('armed');
    expect(banner().textContent).toContain('Armed');
    rerender(<GuideBanner session={runningSessionFixture({ handsFree: { phase: 'paused', activeS: 12 } })} />);
    expect(banner().dataset['phase']).toBe('paused');
    expect(banner().textContent).toContain('PausedRoll again to go on.');
  });

  it("shows the routine's step, the rep and the time left", () => {
    renderWithServices(<GuideBanner session={runningSessionFixture({ handsFree: null, routine: { kind: 'thoracic-extension', step: 'hold', rep: 3, reps: 10, leftS: 95 } })} />);
    expect(screen.getByTestId('guide-state').textContent).toContain('Hold');
    expect(screen.getByTestId('routine-progress').textContent).toBe('Thoracic extension · rep 3 of 10 · 1:35 left');
  });

  it("sits in the warning's room while no warning shows (taking none from the live figures); a warning comes first", () => {
    const session = runningSessionFixture({ handsFree: { phase: 'rolling', activeS: 4 }, routine: { kind: 'back-release', step: 'rolling', rep: null, reps: null, leftS: 86 } });
    const { services } = renderWithServices(<WarningBanner reserveRoom />, { snapshot: snapshotFixture({ session }) });
    expect(screen.getByTestId('warning-area').contains(screen.getByTestId('guide-state'))).toBe(true);
    expect(screen.getByTestId('routine-progress').textContent).toBe('Back release · 1:26 left');
    act(() => services.warnings.offer({ t: 5, kind: 'too-fast', positionCm: 3, detail: '1.4 in/s' }));
    expect(screen.getByTestId('warning-banner').dataset['kind']).toBe('too-fast');
    expect(screen.queryByTestId('guide-state')).toBeNull();
  });

  it('leaves the calm line for a session started by hand', () => {
    renderWithServices(<WarningBanner reserveRoom />, { snapshot: snapshotFixture({ session: runningSessionFixture() }) });
    expect(screen.getByTestId('warning-area').textContent).toBe('No warnings — keep it slow and even');
  });
});

describe('the voice guide', () => {
  const prompts: VoicePrompt[] = [
    { kind: 'release-position' },
    { kind: 'started' },
    { kind: 'area', area: 'upper-back' },
    { kind: 'time-left', seconds: 60 },
    { kind: 'paused' },
    { kind: 'resumed' },
    { kind: 'area', area: 'mid-back' },
    { kind: 'time-left', seconds: 30 },
    { kind: 'release-done' },
  ];

  it('says each prompt main sends, in order, when the voice guide is on', () => {
    const { services, bridge, speaker } = fakeServices({ snapshot: snapshotFixture({ profile: profileFixture({ voiceGuide: true }) }) });
    const off = wireServices(services);
    act(() => prompts.forEach((p) => bridge.emit('prompt', p)));
    expect(speaker.said).toEqual([
      'Back release. Lie back on the roller just below the shoulder blades, knees bent, feet flat, hands holding your head. Hold still, then roll up slowly to start.',
      'Started. Roll slowly.',
      'Roll the upper back, up toward the shoulders, and back.',
      'One minute left.',
      'Paused. Roll again when you are ready.',
      'Going on.',
      'Now the middle of the back: roll down to the end of the ribs, not below.',
      '30 seconds left.',
      'That is the release done. Roll off to one side and rest.',
    ]);
    off();
  });

  it('says nothing with the voice guide off', () => {
    const { services, bridge, speaker } = fakeServices();
    const off = wireServices(services);
    bridge.emit('prompt', { kind: 'armed' });
    expect(speaker.said).toEqual([]);
    off();
  });

  it('words the extension: the rep of how many, hold, come back up, keep the roller still', () => {
    expect(voicePromptText({ kind: 'extension-lean', rep: 3, reps: 10 })).toBe('3 of 10. Lean back slowly over the roller, head supported.');
    expect(voicePromptText({ kind: 'extension-position' })).toMatch(/head.*stays still.*A pop may come; never force one\./);
    expect(voicePromptText({ kind: 'keep-still' })).toBe('Keep the roller still. Lean back over it; do not roll.');
  });

  it('words the free session: the next area (never past the safe zones) and the time left of today', () => {
    expect(voicePromptText({ kind: 'next-area', area: 'mid-back' })).toBe('The upper back has had its time. Now the middle of the back: roll down to the end of the ribs, not below.');
    expect(voicePromptText({ kind: 'next-area', area: 'upper-back' })).toBe('The middle of the back has had its time. Now the upper back: roll up toward the shoulders, not onto the neck.');
    expect(voicePromptText({ kind: 'areas-covered' })).toMatch(/^Upper and middle back have both had their time\./);
    expect(voicePromptText({ kind: 'today-left', seconds: 60 })).toBe('One minute of rolling left for today.');
    expect(voicePromptText({ kind: 'today-left', seconds: 30 })).toBe('30 seconds of rolling left for today.');
    expect(voicePromptText({ kind: 'budget-used' })).toBe('That is enough rolling for today. Roll off to one side and rest.');
  });
});
