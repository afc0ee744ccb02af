/**
 * Renders a component the way the app does — inside the services and navigation contexts — with
 * a fake bridge whose answers the test gives, a real app store holding the given snapshot, a
 * live feed, the warning store and recorded audio cues. Import it only from tests that run in
 * the DOM (`// @vitest-environment happy-dom`); it unmounts what it rendered after each test.
 */
import { cleanup, render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { afterEach, vi, type Mock } from 'vitest';
import { initialAppState, withSnapshot } from '../../../renderer/app/app-state';
import type { AppServices } from '../../../renderer/app/app-services';
import { createAppStore } from '../../../renderer/app/app-store';
import { NavigationContext, type Navigation } from '../../../renderer/app/navigation';
import type { ScreenId } from '../../../renderer/app/screens';
import { ServicesContext } from '../../../renderer/app/services-context';
import { OPEN_STATUS, type BridgeStatus } from '../../../renderer/bridge/bridge-status';
import type { AppSnapshot, EventName, EventPayload, RequestName, RequestParams, RequestResult } from '../../../renderer/bridge/contract';
import type { RollerBridge } from '../../../renderer/bridge/roller-bridge';
import type { AudioCues } from '../../../renderer/features/live/audio-cues';
import { LiveFeed } from '../../../renderer/features/live/live-feed';
import { capturingSpeaker } from '../../../renderer/features/live/speaker';
import { createWarningStore } from '../../../renderer/features/live/warning-store';
import { snapshotFixture } from '../app/fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** How the fake bridge answers a request: a value, or a function of the params (may throw or be async). */
export type Answers = { [N in RequestName]?: RequestResult<N> | ((params: RequestParams<N>) => RequestResult<N> | Promise<RequestResult<N>>) };

export interface FakeBridge extends RollerBridge {
  /** Every request made, in order. */
  readonly calls: { name: RequestName; params: unknown }[];
  /** The params of every request with this name. */
  paramsOf<N extends RequestName>(name: N): RequestParams<N>[];
  answer(answers: Answers): void;
  emit<N extends EventName>(name: N, payload: EventPayload<N>): void;
  setStatus(status: BridgeStatus): void;
}

export function fakeBridge(answers: Answers = {}, initialStatus: BridgeStatus = OPEN_STATUS): FakeBridge {
  const table: Answers = { ...answers };
  let status = initialStatus;
  const statusFns = new Set<(s: BridgeStatus) => void>();
  const subs = new Map<string, Set<(p: unknown) => void>>();
  const calls: { name: RequestName; params: unknown }[] = [];
  return {
    calls,
    paramsOf: <N extends RequestName>(name: N) => calls.filter((c) => c.name === name).map((c) => c.params as RequestParams<N>),
    answer: (more) => Object.assign(table, more),
    async request(name, params) {
      calls.push({ name, params });
      const a = table[name] as unknown;
      if (a === undefined) throw new Error(`${name}: this test gave no answer`);
      return (typeof a === 'function' ? await (a as (p: unknown) => unknown)(params) : a) as never;
    },
    subscribe(name, fn) {
      const set = subs.get(name) ?? new Set();
      subs.set(name, set);
      set.add(fn as (p: unknown) => void);
      return () => set.delete(fn as (p: unknown) => void);
    },
    emit: (name, payload) => subs.get(name)?.forEach((fn) => fn(payload)),
    status: () => status,
    onStatus(fn) {
      statusFns.add(fn);
      return () => statusFns.delete(fn);
    },
    setStatus(s) {
      status = s;
      statusFns.forEach((fn) => fn(s));
    },
  };
}

export interface FakeCues extends AudioCues {
  unlock: Mock<AudioCues['unlock']>;
  play: Mock<AudioCues['play']>;
  hush: Mock<AudioCues['hush']>;
}

export interface ServicesOptions {
  /** The loaded snapshot; `null` leaves the store loading (as before the first answer). */
  snapshot?: AppSnapshot | null;
  answers?: Answers;
  bridgeStatus?: BridgeStatus;
  /** The clock of the app store and the warning store, ms (default: always 0). */
  now?: () => number;
}

export interface FakeServices {
  services: AppServices;
  bridge: FakeBridge;
  cues: FakeCues;
  /** What the voice guide said. */
  speaker: ReturnType<typeof capturingSpeaker>;
}

/** The app's services around a fake bridge; `app.snapshot` answers with the snapshot given. */
export function fakeServices(options: ServicesOptions = {}): FakeServices {
  const snapshot = options.snapshot === undefined ? snapshotFixture() : options.snapshot;
  const now = options.now ?? (() => 0);
  const bridge = fakeBridge({ ...(snapshot ? { 'app.snapshot': snapshot } : {}), ...options.answers }, options.bridgeStatus);
  const store = createAppStore(bridge, now);
  if (snapshot) store.state.set(withSnapshot(initialAppState(bridge.status()), snapshot, now()));
  const cues: FakeCues = { unlock: vi.fn(), play: vi.fn(), hush: vi.fn() };
  const warnings = createWarningStore({
    cues,
    now,
    context() {
      const p = store.state.get().snapshot?.profile;
      return {
        speedLimitText: '1.0 in/s',
        dwellNudgeS: p?.dwellNudgeS ?? 15,
        dwellLimitS: p?.dwellLimitS ?? 30,
        dailyBudgetMin: p?.dailyBudgetMin ?? 10,
        sounds: p?.sounds ?? true,
        speech: p?.speech ?? false,
      };
    },
  });
  const speaker = capturingSpeaker();
  return { services: { bridge, store, liveFeed: new LiveFeed(), warnings, cues, speaker }, bridge, cues, speaker };
}

export interface RenderOptions extends ServicesOptions {
  /** The screen the navigation says is current (default 'session'). */
  screen?: ScreenId;
}

export interface Rendered extends RenderResult, FakeServices {
  nav: { screen: ScreenId; go: Mock<Navigation['go']>; retakeScreening: Mock<Navigation['retakeScreening']>; openReview: Mock<Navigation['openReview']> };
  user: UserEvent;
}

/** Renders `ui` inside the app's services and navigation, with a fake bridge and a given snapshot. */
export function renderWithServices(ui: ReactElement, options: RenderOptions = {}): Rendered {
  const fake = fakeServices(options);
  const nav = { screen: options.screen ?? 'session', go: vi.fn<Navigation['go']>(), retakeScreening: vi.fn<Navigation['retakeScreening']>(), openReview: vi.fn<Navigation['openReview']>() };
  const user = userEvent.setup();
  const result = render(
    <ServicesContext.Provider value={fake.services}>
      <NavigationContext.Provider value={nav}>{ui}</NavigationContext.Provider>
    </ServicesContext.Provider>,
  );
  return { ...result, ...fake, nav, user };
}

/**
 * Animation frames run by the test: `requestAnimationFrame` only queues, `run(nowMs)` calls what
 * is queued with that time. The live displays then show the live feed as of `nowMs`.
 */
export function manualFrames(): { run(nowMs: number): void; pending(): number } {
  let queue = new Map<number, FrameRequestCallback>();
  let next = 1;
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    queue.set(next, cb);
    return next++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => queue.delete(id));
  return {
    run(nowMs) {
      const due = queue;
      queue = new Map();
      for (const cb of due.values()) cb(nowMs);
    },
    pending: () => queue.size,
  };
}

/**
 * A 2D context that accepts every drawing call and draws nothing, for components that draw with
 * chart.js (happy-dom has no canvas): the charts then build, keep their options and update, so
 * a test can read what they were told to show. Measured text is 0 wide.
 */
export function stubCanvas(): void {
  const contexts = new WeakMap<HTMLCanvasElement, CanvasRenderingContext2D>();
  const noop = () => ({ width: 0, actualBoundingBoxAscent: 0, actualBoundingBoxDescent: 0, addColorStop: () => {} });
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    let ctx = contexts.get(this);
    if (!ctx) {
      const state: Record<string | symbol, unknown> = { canvas: this, getLineDash: () => [] };
      ctx = new Proxy(state, {
        get: (t, key) => (key in t ? t[key] : noop),
        set: (t, key, value) => {
          t[key] = value;
          return true;
        },
      }) as unknown as CanvasRenderingContext2D;
      contexts.set(this, ctx);
    }
    return ctx;
  });
}
