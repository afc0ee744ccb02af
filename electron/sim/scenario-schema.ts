/**
 * Scenario files for the simulated roller (`./scenarios/*.json`): one zod schema validates a
 * file, fills in every default, and names the offending field in its errors
 * (`segments[3].toCm`). Types are inferred from the schema. Field tables: `./README.md`.
 *
 * Besides field-by-field checks, the whole script is checked the way it will run (see
 * `./motion-script.ts`): it must start with `rest` at 0 cm, its first stroke must go up
 * (toward the head), a stroke must move, and the mount must sit inside the roller.
 */
import { z } from 'zod';
import { SensorConfigSchema } from '../../sensor-protocol/gatt/sensor-config';
import { buildMotionScript } from './motion-script';
import { inToCm } from './units';

/** Positions along the spine a script may visit, cm relative to the start spot. */
export const SCRIPT_LIMIT_CM = 60;
/** Longest scenario, s (4 h). */
export const MAX_SCENARIO_S = 4 * 3600;

const positionCm = z.number().min(-SCRIPT_LIMIT_CM).max(SCRIPT_LIMIT_CM);
const durationS = z.number().positive().max(MAX_SCENARIO_S);
const speedInPerS = z.number().positive().max(40);
const vec3 = (limit: number) => z.tuple([z.number().min(-limit).max(limit), z.number().min(-limit).max(limit), z.number().min(-limit).max(limit)]);
const zeroVec3 = (): [number, number, number] => [0, 0, 0];

/** How a move is timed: exactly one of mean speed, peak speed or duration. */
const moveTiming = {
  /** `minimum-jerk` (bell-shaped speed) or `cruise` (constant speed between smooth ramps). */
  profile: z.enum(['minimum-jerk', 'cruise']).default('minimum-jerk'),
  meanSpeedInPerS: speedInPerS.optional(),
  /** Peak speed; for `cruise` the speed held between the ramps. */
  peakSpeedInPerS: speedInPerS.optional(),
  /** Ramp time at each end of a `cruise` move, s (shortened to half the move if needed). */
  rampS: z.number().positive().max(10).default(0.5),
};

function exactlyOne(keys: readonly string[]) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    const given = keys.filter((k) => value[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: given.length > 1 ? [given[1]!] : [],
        message: `give exactly one of ${keys.join(', ')}${given.length > 1 ? ` (got ${given.join(' and ')})` : ''}`,
      });
    }
  };
}

export const RestSegmentSchema = z.object({
  kind: z.literal('rest'),
  durationS,
  /** Tiny along-spine breathing motion around the spot, cm (0 = perfectly still). */
  breathingCm: z.number().min(0).max(1).default(0),
  breathingHz: z.number().positive().max(2).default(0.25),
});

export const PauseSegmentSchema = z.object({
  kind: z.literal('pause'),
  durationS,
});

export const StrokeSegmentSchema = z
  .object({
    kind: z.literal('stroke'),
    /** Target position, cm along the spine from the start spot (+ toward the head). */
    toCm: positionCm,
    ...moveTiming,
    durationS: durationS.optional(),
  })
  .superRefine(exactlyOne(['meanSpeedInPerS', 'peakSpeedInPerS', 'durationS']));

export const DwellSegmentSchema = z.object({
  kind: z.literal('dwell'),
  durationS,
  /** Largest excursion either side of the spot, cm. */
  amplitudeCm: z.number().positive().max(5).default(1),
  /** Back-and-forth rate (rounded so the dwell ends back on the spot), Hz. */
  frequencyHz: z.number().positive().max(3).default(0.3),
});

export const OscillateSegmentSchema = z
  .object({
    kind: z.literal('oscillate'),
    fromCm: positionCm,
    toCm: positionCm,
    /** Number of passes: from → to is one, to → from the next. */
    passes: z.number().int().min(1).max(10_000),
    ...moveTiming,
    passDurationS: durationS.optional(),
    /** Stillness at each turn, s. */
    turnPauseS: z.number().min(0).max(600).default(0),
  })
  .superRefine(exactlyOne(['meanSpeedInPerS', 'peakSpeedInPerS', 'passDurationS']));

export const SegmentSchema = z.discriminatedUnion('kind', [RestSegmentSchema, PauseSegmentSchema, StrokeSegmentSchema, DwellSegmentSchema, OscillateSegmentSchema]);

export const RollerSchema = z.object({
  /** Nominal outer diameter, in. */
  diameterIn: z.number().min(4).max(6).default(6),
  /** Foam compression under body weight: R_eff = diameter/2 · (1 − compression). */
  compression: z.number().min(0).max(0.3).default(0),
  /** World y of the roller centre at θ = 0, cm. */
  startYCm: z.number().min(-500).max(500).default(0),
  /** Small rotations about world y and z: amplitude (°) and frequency (Hz) each. */
  wobble: z
    .object({
      aboutYDeg: z.number().min(0).max(10).default(0.5),
      aboutYHz: z.number().min(0).max(10).default(0.23),
      aboutZDeg: z.number().min(0).max(10).default(0.5),
      aboutZHz: z.number().min(0).max(10).default(0.17),
    })
    .prefault({}),
  /** Vertical sinusoid of the roller centre (breathing), mm and Hz. */
  bounce: z
    .object({
      amplitudeMm: z.number().min(0).max(20).default(0.5),
      frequencyHz: z.number().min(0).max(10).default(0.25),
    })
    .prefault({}),
});

export const SpineMapSchema = z.object({
  /** Base of the neck above the start spot, cm (N). */
  neckAboveCm: z.number().positive().max(SCRIPT_LIMIT_CM).default(21),
  /** End of the ribcage below the start spot, cm (L). */
  lumbarBelowCm: z.number().positive().max(SCRIPT_LIMIT_CM).default(14),
});

export const MountSchema = z.object({
  /** Distance of the sensor from the roller axis, cm, or `surface` (the nominal radius). */
  radiusCm: z.union([z.number().min(0), z.literal('surface')]).default(0),
  /** Angle of the sensor around the axis at θ = 0, from +y (head) toward +z (up), °. */
  azimuthDeg: z.number().min(-360).max(360).default(0),
  /** Offset along the roller axis from its middle, cm (an end cap of a 45 cm roller: 22.5). */
  axialCm: z.number().min(-50).max(50).default(22.5),
  /** Sensor axes in the roller frame, Euler angles extrinsic x → y → z, °: R = Rz·Ry·Rx. */
  orientationDeg: vec3(360).default(zeroVec3),
});

const SensorSchema = z.object({
  sampleRateHz: SensorConfigSchema.shape.sampleRateHz.default(100),
  accelRangeG: SensorConfigSchema.shape.accelRangeG.default(4),
  gyroRangeDps: SensorConfigSchema.shape.gyroRangeDps.default(500),
  samplesPerFrame: SensorConfigSchema.shape.samplesPerFrame.default(1),
});

export const SensorStartSchema = z.object({
  /** Sensor clock at the first sample, µs (u32; set near 2³² to exercise the wrap). */
  clockUs: z.number().int().min(0).max(0xffff_ffff).default(0),
  /** Sequence number of the first frame (u16). */
  sequence: z.number().int().min(0).max(0xffff).default(0),
});

export const DropoutSchema = z.object({
  /** Session time the drop-out begins, s. */
  startS: z.number().min(0).max(MAX_SCENARIO_S),
  durationS,
});

export const ErrorsSchema = z.object({
  gyroNoiseDpsPerSqrtHz: z.number().min(0).max(10).default(0.015),
  accelNoiseGPerSqrtHz: z.number().min(0).max(1).default(0.00015),
  /** Constant gyro bias, sensor frame, °/s. */
  gyroBiasDps: vec3(200).default(zeroVec3),
  /** Bias random walk per axis, °/s/√s. */
  gyroBiasRandomWalkDpsPerSqrtS: z.number().min(0).max(10).default(0),
  /** Linear bias drift (warming up), °/s per minute. */
  gyroBiasTrendDpsPerMin: vec3(50).default(zeroVec3),
  /** Constant accelerometer bias, sensor frame, g. */
  accelBiasG: vec3(1).default(zeroVec3),
  /** Per-axis scale error as a fraction: reading = (1 + e) · true. */
  gyroScaleError: vec3(0.5).default(zeroVec3),
  accelScaleError: vec3(0.5).default(zeroVec3),
  /** Round (and clamp) samples to the int16 LSB of the configured ranges. */
  quantize: z.boolean().default(true),
  /** Sensor crystal error as a fraction: the sensor clock runs (1 + e) × true time. */
  sampleRateErrorFraction: z.number().min(-0.1).max(0.1).default(0),
  /** Standard deviation of the jitter added to `samples[].tS` (CSV / host times only), s. */
  timestampJitterS: z.number().min(0).max(0.05).default(0),
  frameLoss: z
    .object({
      /** Long-run fraction of frames lost. */
      probability: z.number().min(0).max(0.9).default(0),
      /** Mean length of a run of lost frames (geometric), frames. */
      meanBurstFrames: z.number().min(1).max(1000).default(1),
    })
    .prefault({}),
  /** Windows with no frames at all (link lost), session time. */
  dropouts: z.array(DropoutSchema).default(() => []),
  /** Fraction by which the roller turns less than its travel along the back implies. */
  slipFraction: z.number().min(0).max(0.5).default(0),
});

export const ScenarioSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase kebab-case, e.g. good-slow-session'),
    description: z.string().default(''),
    /** Seed of every random draw (noise, loss, wobble phases). */
    seed: z.number().int().min(0).max(0xffff_ffff).default(1),
    /** Rate of the fixed-rate truth track, Hz. */
    truthRateHz: z.number().positive().max(1000).default(100),
    roller: RollerSchema.prefault({}),
    spineMap: SpineMapSchema.prefault({}),
    sensor: SensorSchema.prefault({}),
    sensorStart: SensorStartSchema.prefault({}),
    mount: MountSchema.prefault({}),
    errors: ErrorsSchema.prefault({}),
    segments: z.array(SegmentSchema).min(1).max(100_000),
  })
  .superRefine((scenario, ctx) => {
    const radiusCm = inToCm(scenario.roller.diameterIn) / 2;
    if (typeof scenario.mount.radiusCm === 'number' && scenario.mount.radiusCm > radiusCm + 1e-9) {
      ctx.addIssue({
        code: 'custom',
        path: ['mount', 'radiusCm'],
        message: `${scenario.mount.radiusCm} cm is outside a ${scenario.roller.diameterIn} in roller (radius ${radiusCm.toFixed(2)} cm)`,
      });
    }
    const { script, issues } = buildMotionScript(scenario.segments);
    for (const issue of issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    if (!script) return;
    scenario.errors.dropouts.forEach((d, i) => {
      if (d.startS >= script.durationS) {
        ctx.addIssue({
          code: 'custom',
          path: ['errors', 'dropouts', i, 'startS'],
          message: `starts at ${d.startS} s, after the session ends (${script.durationS.toFixed(1)} s)`,
        });
      }
    });
  });

export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type ScenarioSegment = z.output<typeof SegmentSchema>;
export type ScenarioMount = z.output<typeof MountSchema>;
export type ScenarioErrors = z.output<typeof ErrorsSchema>;
export type ScenarioRoller = z.output<typeof RollerSchema>;

export type ScenarioParseResult = { ok: true; scenario: Scenario } | { ok: false; error: z.ZodError; message: string };

/** Validates and fills defaults; throws the `ZodError` (its issues carry the field paths). */
export function parseScenario(input: unknown): Scenario {
  return ScenarioSchema.parse(input);
}

/** Like {@link parseScenario} but returns a readable message (`✖ … → at segments[2].toCm`). */
export function safeParseScenario(input: unknown): ScenarioParseResult {
  const parsed = ScenarioSchema.safeParse(input);
  if (parsed.success) return { ok: true, scenario: parsed.data };
  const name = typeof input === 'object' && input !== null && 'name' in input ? String(input.name) : '(unnamed)';
  return { ok: false, error: parsed.error, message: `scenario ${name}:\n${z.prettifyError(parsed.error)}` };
}
