/**
 * The Sensor check screen's requests: the connected sensor's figures (`sensors.check`), the
 * sample-rate choice (`sensors.setSampleRate`, kept in the profile) and what a support report
 * holds (`sensors.diagnostics`). It puts together figures computed elsewhere, once: the link's
 * by the source's link meter (electron/sources/link-meter.ts), the counters by the source, the
 * roller axis by a motion engine — the running session's, else one of its own fed with every
 * sample, so the axis shows before any session.
 */
import { arch, release, type } from 'node:os';
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import type { AdapterInfo, Connection, Diagnostics, EngineCountersMessage, Profile, SensorCheck } from '../ipc/ipc-contract';
import { MotionEngine } from '../motion/motion-engine';
import { dominantSensorAxis } from '../motion/roller-axis';
import { profileSettings, type SampleRateChoiceHz } from '../session/profile';
import type { RequestHandlers } from './request-handlers';
import type { SensorSources } from './sensor-sources';

export interface SensorCheckServiceOptions {
  host: 'electron' | 'browser';
  appVersion: string;
  sources: SensorSources;
  profile: () => Profile;
  /** Keeps the user's rate choice (the profile). */
  saveSampleRate: (hz: SampleRateChoiceHz) => void;
  /** The running session's engine (null: none runs). */
  sessionEngine: () => MotionEngine | null;
  sessionRunning: () => boolean;
  engineCounters: () => EngineCountersMessage | null;
  adapter: () => AdapterInfo;
  connection: () => Connection;
  /** The support log's newest lines, for the report (default: none). */
  logLines?: () => string[];
  now: () => Date;
}

export class SensorCheckService {
  private engine: MotionEngine | null = null;
  private lastT = -Infinity;

  constructor(private readonly o: SensorCheckServiceOptions) {}

  readonly handlers: Pick<RequestHandlers, 'sensors.check' | 'sensors.setSampleRate' | 'sensors.diagnostics'> = {
    'sensors.check': () => {
      this.o.sources.sampleSignal();
      return this.check();
    },
    'sensors.setSampleRate': async ({ hz }) => {
      if (this.o.sessionRunning()) throw new Error('a session is running; stop it before changing the sample rate');
      const offered = this.o.sources.rateChoices();
      if (this.o.sources.active && !offered.includes(hz)) throw new Error(`this sensor does not offer ${hz} Hz`);
      this.o.saveSampleRate(hz);
      await this.o.sources.setSampleRate(hz);
      return this.check();
    },
    'sensors.diagnostics': () => this.diagnostics(),
  };

  /** Every live sample: the check's own engine finds the axis while no session runs. */
  samples(samples: readonly ImuSample[]): void {
    if (this.o.sessionRunning()) return;
    for (const s of samples) {
      // A new timeline (a session or calibration began, another source): a fresh engine.
      if (!this.engine || s.tS <= this.lastT) this.engine = this.newEngine();
      this.engine.push(s);
      this.lastT = s.tS;
    }
  }

  check(): SensorCheck {
    const sources = this.o.sources;
    const active = sources.active;
    const connection = sources.connection();
    const health = sources.health();
    const info = sources.linkInfo();
    const link = sources.linkFigures();
    const linked = active?.source.linkedSensor ?? null;
    const connected = active !== null && (connection.name === 'streaming' || connection.name === 'reconnecting');
    const kind = active?.kind === 'replay' ? 'replay' : active?.kind === 'simulated' ? 'simulated' : linked?.kind === 'witmotion' ? 'witmotion' : 'roller';
    const sessionEngine = this.o.sessionEngine();
    const axis = (sessionEngine ?? this.engine)?.rollerAxis ?? null;
    const dominant = axis?.unit ? dominantSensorAxis(axis.unit) : null;
    return {
      connected,
      sensor:
        active && linked
          ? { name: linked.name || 'Unnamed sensor', kind, firmwareVersion: info?.firmwareVersion ?? health.status?.firmwareVersion ?? null, batteryPercent: connection.batteryPercent }
          : null,
      rate: {
        askedHz: active?.kind === 'replay' ? sources.sourceRateHz() : active ? (info?.requestedRateHz ?? sources.sampleRateHz) : null,
        sensorHz: active?.kind === 'replay' ? null : sources.sourceRateHz(),
        measuredHz: connected ? link.measuredRateHz : null,
        choicesHz: sources.rateChoices(),
        chosenHz: this.o.profile().sampleRateHz ?? sources.sampleRateHz,
      },
      link: {
        frames: link.frames,
        lostFrames: link.lostFrames,
        lostPercent: link.lostPercent,
        samples: health.samples,
        gaps: health.gaps,
        reconnects: health.reconnects,
        processingMs: link.processingMs,
        rssi: link.rssi,
      },
      axis: {
        from: sessionEngine ? 'session' : 'check',
        found: dominant !== null,
        sensorAxis: dominant?.axis ?? null,
        alignment: dominant ? Math.min(1, dominant.alignment) : null,
        confidence: Math.max(0, Math.min(1, axis?.confidence ?? 0)),
      },
      raw: link.raw,
      technical: {
        mtu: info?.mtu ?? null,
        samplesPerFrame: info?.samplesPerFrame ?? null,
        accelRangeG: info?.accelRangeG ?? null,
        gyroRangeDps: info?.gyroRangeDps ?? null,
        clock: info?.clock ?? null,
        refusedFrames: health.rejectedFrames,
        lastRefused: health.lastRejected,
        sensorState: health.status?.state ?? null,
        sensorError: health.status?.error ?? null,
        droppedBySensor: health.status?.droppedSamples ?? null,
        engine: this.o.engineCounters(),
      },
    };
  }

  diagnostics(): Diagnostics {
    const versions = process.versions as NodeJS.ProcessVersions & { electron?: string };
    return {
      createdAt: this.o.now().toISOString(),
      app: { version: this.o.appVersion, host: this.o.host },
      system: { os: `${type()} ${release()}`, arch: arch(), runtime: versions.electron ? `Electron ${versions.electron}, Node ${versions.node}` : `Node ${versions.node}` },
      adapter: this.o.adapter(),
      connection: this.o.connection(),
      check: this.check(),
      notes: this.o.sources.health().notes,
      logLines: readLogLines(this.o.logLines),
    };
  }

  private newEngine(): MotionEngine {
    return new MotionEngine(profileSettings(this.o.profile()));
  }
}

/** The log's lines as given; a failing or odd log source gives none rather than no report. */
function readLogLines(fn: (() => string[]) | undefined): string[] {
  if (!fn) return [];
  try {
    const lines = fn();
    return Array.isArray(lines) ? lines.filter((l): l is string => typeof l === 'string') : [];
  } catch {
    return [];
  }
}
