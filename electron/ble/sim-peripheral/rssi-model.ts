/**
 * Received signal strength of a simulated peripheral as the central measures it: a mean at 1 m,
 * log-distance path loss, and a little Gaussian fading per reading (seeded, reproducible).
 *
 *   rssi = meanAt1mDbm − 10 · n · log10(distanceM) + N(0, jitterDb), rounded, clamped to −127 … 20
 *
 * With n = 2.5 (indoors), 1 m → −58 dBm by default, 4 m → −73 dBm, 10 m → −83 dBm.
 */
import { randomStream, type RandomStream } from '../../sim/seeded-random';

export const RSSI_MIN_DBM = -127;
export const RSSI_MAX_DBM = 20;
/** Path-loss exponent indoors. */
export const PATH_LOSS_EXPONENT = 2.5;

export interface RssiSettings {
  meanAt1mDbm: number;
  jitterDb: number;
  distanceM: number;
}

export class RssiModel {
  private settings: RssiSettings;
  private readonly random: RandomStream;

  constructor(settings: RssiSettings, seed: number) {
    this.settings = { ...settings };
    this.random = randomStream(seed, 'rssi');
  }

  /** Sets the mean RSSI at 1 m, dBm. */
  setMeanDbm(meanAt1mDbm: number): void {
    this.settings = { ...this.settings, meanAt1mDbm };
  }

  /** Moves the peripheral: farther away, weaker signal. */
  setDistanceM(distanceM: number): void {
    this.settings = { ...this.settings, distanceM: Math.max(0.1, distanceM) };
  }

  /** Mean RSSI at the current distance, dBm (no fading). */
  meanDbm(): number {
    const { meanAt1mDbm, distanceM } = this.settings;
    return meanAt1mDbm - 10 * PATH_LOSS_EXPONENT * Math.log10(distanceM);
  }

  sample(): number {
    const value = Math.round(this.meanDbm() + this.settings.jitterDb * this.random.gaussian());
    return Math.max(RSSI_MIN_DBM, Math.min(RSSI_MAX_DBM, value));
  }
}
