/**
 * The real noble object model on given bindings, through `@abandonware/noble/with-bindings`
 * (CommonJS, loaded with `createRequire`). Only that entry is loaded: the package's main entry
 * opens a Bluetooth socket and throws (EAFNOSUPPORT) where there is none.
 */
import { createRequire } from 'node:module';
import type * as NobleModule from '@abandonware/noble';
import type { EventEmitter } from 'node:events';

/** A noble instance, typed like the package's main export. */
export type NobleInstance = typeof NobleModule;

type WithBindings = (bindings: EventEmitter) => NobleInstance;

const require = createRequire(import.meta.url);

/** A new, independent Noble running on `bindings`. */
export function nobleWithBindings(bindings: EventEmitter): NobleInstance {
  const factory = require('@abandonware/noble/with-bindings') as WithBindings;
  return factory(bindings);
}
