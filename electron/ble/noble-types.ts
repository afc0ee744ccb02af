/**
 * The part of noble's object model the app uses. A real noble (`@abandonware/noble`) and one
 * made with simulated bindings (`@abandonware/noble/with-bindings`) both satisfy it.
 */
import type * as NobleModule from '@abandonware/noble';

export type NobleLike = typeof NobleModule;
export type NoblePeripheral = NobleModule.Peripheral;
export type NobleCharacteristic = NobleModule.Characteristic;
export type NobleAdvertisement = NobleModule.Advertisement;
