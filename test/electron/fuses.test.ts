// The fuses the packaged app ships with, and the afterPack hook that flips them.
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it, vi } from 'vitest';
import afterPack, { fuseConfigFor, FUSES } from '../../electron/fuses.js';

describe('fuses', () => {
  it('turns off the Node escape hatches and loads only the integrity-checked asar', () => {
    expect(FUSES.version).toBe(FuseVersion.V1);
    expect(FUSES[FuseV1Options.RunAsNode]).toBe(false);
    expect(FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(FUSES[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(FUSES[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(FUSES[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('redoes the ad-hoc signature on macOS only', () => {
    expect(fuseConfigFor('darwin').resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfigFor('mas').resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfigFor('linux').resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfigFor('win32').resetAdHocDarwinSignature).toBe(false);
  });

  it('hands the config to electron-builder’s packager in the afterPack hook', async () => {
    const addElectronFuses = vi.fn(async () => 1);
    const context = { electronPlatformName: 'linux', appOutDir: '/tmp/out/linux-unpacked', packager: { addElectronFuses } };
    await afterPack(context);
    expect(addElectronFuses).toHaveBeenCalledExactlyOnceWith(context, { ...FUSES, resetAdHocDarwinSignature: false });
  });
});
