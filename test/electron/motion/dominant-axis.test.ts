/** Which of the sensor's axes the roller axis lies along, for the Sensor check screen. */
import { describe, expect, it } from 'vitest';
import { dominantSensorAxis } from '../../../electron/motion/roller-axis';

describe('dominantSensorAxis', () => {
  it('names the axis with the largest share, whatever its sign, and how closely', () => {
    expect(dominantSensorAxis([0, -1, 0])).toEqual({ axis: 'y', alignment: 1 });
    expect(dominantSensorAxis([0.6, 0, 0.8])).toEqual({ axis: 'z', alignment: 0.8 });
    const tilted = dominantSensorAxis([Math.SQRT1_2, Math.SQRT1_2, 0]);
    expect(tilted.axis).toBe('x');
    expect(tilted.alignment).toBeCloseTo(Math.SQRT1_2, 10);
  });

  it('scales a vector that is not of unit length, and says nothing sure of a zero one', () => {
    expect(dominantSensorAxis([0, 0, -5])).toEqual({ axis: 'z', alignment: 1 });
    expect(dominantSensorAxis([0, 0, 0]).alignment).toBe(0);
  });
});
