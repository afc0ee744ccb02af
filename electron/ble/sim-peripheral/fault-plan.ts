/**
 * Faults a simulated peripheral can be told to show, on demand (its methods) or as a declarative
 * plan: `[{ atS, fault }]`, `atS` in session seconds (0 = when the peripheral first started
 * streaming). Validated by one zod schema; the type is inferred from it.
 *
 * | fault          | fields        | effect |
 * |----------------|---------------|--------|
 * | `drop-out`     | `durationS`   | link goes silent (supervision timeout → disconnect), no advertising for `durationS` |
 * | `malformed`    | `count`       | the next `count` data notifications are garbage |
 * | `set-rssi`     | `meanDbm`     | mean RSSI at 1 m |
 * | `set-distance` | `distanceM`   | distance from the central (weaker RSSI when far) |
 * | `set-battery`  | `percent`     | battery charge (peripherals with a battery) |
 * | `restart`      | —             | reboot: link lost, sensor clock and sequence from 0, defaults restored |
 */
import { z } from 'zod';
import type { Scheduler } from './scheduler';

export const FaultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('drop-out'),
    durationS: z
      .number()
      .positive()
      .max(24 * 3600),
  }),
  z.object({ kind: z.literal('malformed'), count: z.number().int().min(1).max(100_000) }),
  z.object({ kind: z.literal('set-rssi'), meanDbm: z.number().min(-127).max(20) }),
  z.object({ kind: z.literal('set-distance'), distanceM: z.number().positive().max(1000) }),
  z.object({ kind: z.literal('set-battery'), percent: z.number().min(0).max(100) }),
  z.object({ kind: z.literal('restart') }),
]);
export type Fault = z.infer<typeof FaultSchema>;

export const FaultPlanEntrySchema = z.object({
  /** Session time the fault happens, s. */
  atS: z.number().min(0),
  fault: FaultSchema,
});
export const FaultPlanSchema = z.array(FaultPlanEntrySchema);
export type FaultPlanEntry = z.infer<typeof FaultPlanEntrySchema>;
export type FaultPlan = z.infer<typeof FaultPlanSchema>;

/** Schedules every entry at `originMs + atS`; returns a function cancelling those not yet run. */
export function scheduleFaultPlan(scheduler: Scheduler, plan: FaultPlan, originMs: number, apply: (fault: Fault) => void): () => void {
  const handles = plan.map((entry) => scheduler.setTimeout(() => apply(entry.fault), originMs + entry.atS * 1000 - scheduler.nowMs()));
  return () => handles.forEach((h) => scheduler.clearTimeout(h));
}
