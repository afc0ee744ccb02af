/**
 * The one interface the app's live path takes samples from, whatever produces them: a Bluetooth
 * sensor (electron/ble/ble-sensor-source.ts, on the system's noble or on simulated bindings with
 * the simulated roller) or a recording played back (./replay-source.ts). The app does not know
 * which: it starts and stops the source, hears its events and reads its state.
 *
 *   source ──samples (decoded, sensor time)──► calibration / session engines
 *          ──raw (protocol frames, arrival ms)─► the session's recording (our sensor only)
 *          ──connection, note, rejected, gap, status, battery──► the app snapshot
 */
import type { ImuSample } from '../../sensor-protocol/imu-sample';
import type { FrameGap } from '../../sensor-protocol/frame/frame-decoder';
import type { SensorConfig } from '../../sensor-protocol/gatt/sensor-config';
import type { SensorStatus } from '../../sensor-protocol/gatt/sensor-status';
import type { ConnectionState } from '../ble/connection-machine';
import type { SensorLinkInfo } from '../ble/sensor-link';

export interface SourceGapEvent extends FrameGap {
  /** Why the samples stopped: the link dropped, or frames were lost on a live link. */
  cause: 'link-lost' | 'frames-lost';
}

export interface SensorSourceEvents {
  /** Decoded samples in order, timed on the sensor's clock (s). */
  samples: ImuSample[];
  /** Protocol frames as received, with host arrival time (ms on the scheduler clock); none from a replay. */
  raw: { bytes: Uint8Array; arrivalMs: number };
  connection: ConnectionState;
  gap: SourceGapEvent;
  /** A frame (or line) that could not be read: skipped, and counted in `total`. */
  rejected: { reason: string; message: string; total: number };
  battery: number;
  status: SensorStatus;
  /** Something for the user to read about the source ("Scanning failed: …", the link's description). */
  note: string;
}

export interface SensorSourceCounters {
  samples: number;
  rejected: number;
  gaps: number;
  reconnects: number;
}

export interface SensorSource {
  readonly connection: ConnectionState;
  readonly counters: SensorSourceCounters;
  /** What is streaming, in words ("Roller sensor, protocol v1, 100 Hz"); null when nothing is. */
  readonly linkDescription: string | null;
  /** The link's technical facts (firmware, MTU, samples per frame…); null when not linked or not a sensor. */
  readonly linkInfo: SensorLinkInfo | null;
  /** Asks the sensor for another sample rate (absent: the source has no rate to choose, a recording). */
  setSampleRate?(hz: number): Promise<void>;
  /** Reads the linked sensor's signal strength, dBm (absent or null: not a radio link, or not known). */
  readRssi?(): Promise<number | null>;
  /** The protocol configuration of our sensor when its frames are recorded; null otherwise. */
  readonly linkConfig: SensorConfig | null;
  /** The sensor the samples come from, for the session's record. */
  readonly linkedSensor: { id: string; name: string; kind: string } | null;
  on<K extends keyof SensorSourceEvents>(event: K, fn: (value: SensorSourceEvents[K]) => void): () => void;
  /** A new timeline begins (a session or a calibration pass starts). */
  resetStream(): void;
  identify(seconds: number): Promise<void>;
  /** Stops streaming on purpose. */
  disconnect(): Promise<void>;
  /** Stops for good: no timer or listener of the source outlives it. */
  dispose(): Promise<void>;
}
