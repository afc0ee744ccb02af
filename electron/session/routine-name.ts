/**
 * The name of a guided routine as a user reads it, next to the kinds themselves (./routine-kind.ts):
 * the one wording shared by the live screen, the end card, History, Review and its report,
 * `roller sessions` and the exports (the renderer takes it through `renderer/bridge/contract.ts`). Pure.
 */
import type { RoutineKind } from './routine-kind';

export const ROUTINE_NAMES: Readonly<Record<RoutineKind, string>> = {
  'back-release': 'Back release',
  'thoracic-extension': 'Thoracic extension',
};

/** "Back release", or null for a free session (no routine). */
export function routineName(kind: RoutineKind | null | undefined): string | null {
  return kind ? ROUTINE_NAMES[kind] : null;
}

/** The routine in a JSON file (`roller sessions --json`, the export's summary): its id and name, null for a free session. */
export function routineJson(kind: RoutineKind | null | undefined): { kind: RoutineKind; name: string } | null {
  return kind ? { kind, name: ROUTINE_NAMES[kind] } : null;
}
