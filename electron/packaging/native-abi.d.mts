/** Types of native-abi.mjs (plain JavaScript, loaded by electron-builder's hooks). */
export interface AddonAbi {
  /** path relative to the scanned directory */
  file: string;
  /** `abi`: names `node_register_module_v<abi>`; `napi`: Node-API; `unknown`: names neither */
  kind: 'abi' | 'napi' | 'unknown';
  abi: number | null;
}
export function addonAbi(bytes: Uint8Array): Omit<AddonAbi, 'file'>;
export function scanAddons(dir: string): AddonAbi[];
export function wrongAbiAddons(dir: string, expectedAbi: number): AddonAbi[];
export function electronAbi(projectDir: string): number;
