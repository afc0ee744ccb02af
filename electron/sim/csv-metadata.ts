/**
 * Recording-CSV metadata (`# key=value` lines) describing a simulated run, so an exported
 * simulation carries what the analyzer needs (diameter, spine map) and how it was made.
 */
import type { RecordingMetadata } from '../../sensor-protocol/recording/recording-csv-format';
import type { SimulationMeta } from './simulate';

export function simulationCsvMetadata(meta: SimulationMeta): RecordingMetadata {
  return {
    source: 'simulator',
    sensor: 'roller-sim',
    roller_diameter_in: String(meta.rollerDiameterIn),
    sample_rate_hz: String(meta.sensorConfig.sampleRateHz),
    scenario: meta.name,
    seed: String(meta.seed),
    neck_above_cm: String(meta.spineMap.neckAboveCm),
    lumbar_below_cm: String(meta.spineMap.lumbarBelowCm),
    roller_compression: String(meta.compression),
    accel_range_g: String(meta.sensorConfig.accelRangeG),
    gyro_range_dps: String(meta.sensorConfig.gyroRangeDps),
    mount_radius_cm: String(meta.mount.radiusCm),
    mount_azimuth_deg: String(meta.mount.azimuthDeg),
    mount_axial_cm: String(meta.mount.axialCm),
    mount_euler_xyz_deg: meta.mount.orientationDeg.join(' '),
  };
}
