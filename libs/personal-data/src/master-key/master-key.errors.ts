/** A master-key setting that cannot be used; the message names the setting and what would do. */
export class InvalidMasterKeySettingError extends Error {
  override readonly name = 'InvalidMasterKeySettingError';
  constructor(
    readonly setting: string,
    reason: string,
  ) {
    super(`${setting} is not usable: ${reason}. Expected the base64 of exactly 32 random bytes (openssl rand -base64 32)`);
  }
}
