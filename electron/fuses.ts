// Electron's fuses, flipped in the packaged binary by electron-builder's afterPack hook (built from this file into
// dist-electron/after-pack.mjs): the shipped app cannot be turned into a plain Node runtime, fed NODE_OPTIONS or
// --inspect, or made to load code from outside its integrity-checked app.asar. Runs before code signing.
import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

export const FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  // The renderer is served from app://, never file://, so file pages need no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} as const satisfies FuseV1Config;

/** What the hook needs of electron-builder's AfterPackContext. */
export interface PackedApp {
  electronPlatformName: string;
  packager: { addElectronFuses(context: PackedApp, fuses: FuseV1Config): Promise<number> };
}

/** The fuse config for one packaged platform: macOS binaries need their ad-hoc signature redone after the flip. */
export function fuseConfigFor(electronPlatformName: string): FuseV1Config {
  const darwin = electronPlatformName === 'darwin' || electronPlatformName === 'mas';
  return { ...FUSES, resetAdHocDarwinSignature: darwin };
}

/** electron-builder's afterPack hook: flip the fuses with the packager's own path to the Electron binary. */
export async function afterPack(context: PackedApp): Promise<void> {
  await context.packager.addElectronFuses(context, fuseConfigFor(context.electronPlatformName));
}

export default afterPack;
