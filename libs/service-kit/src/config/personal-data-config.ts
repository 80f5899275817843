import { Expose } from 'class-transformer';
import { IsOptional, IsString, Matches } from 'class-validator';
import { ServiceConfig } from './service-config.js';

/**
 * The settings of a service that seals or reveals personal data (intake, case-tracking): the key
 * vault and the master key that wraps its data keys. A service extends this class for its own.
 */
export class PersonalDataConfig extends ServiceConfig {
  /**
   * Where the data keys that seal personal fields live (intake and case-tracking): `sqlite:<file>`
   * or `postgres://...?schema=`. Unlike the event log, rows here are destroyed on erasure.
   */
  @Expose()
  @Matches(/^(sqlite:.+|postgres(ql)?:\/\/.+|memory:)$/, {
    message: 'KEY_VAULT_URL must be sqlite:<file>, postgres://user@host:port/db[?schema=name], or memory: (tests only)',
  })
  KEY_VAULT_URL = 'sqlite:./data/keys.db';

  /** Base64 of 32 bytes: wraps every data key. Unset: a development key in AUTH_DEV_KEY_DIR. */
  @Expose()
  @IsOptional()
  @IsString({ message: 'PERSONAL_DATA_MASTER_KEY must be the base64 of 32 bytes' })
  PERSONAL_DATA_MASTER_KEY?: string;

  /** A file holding PERSONAL_DATA_MASTER_KEY (a mounted secret), instead of the value itself. */
  @Expose()
  @IsOptional()
  @IsString({ message: 'PERSONAL_DATA_MASTER_KEY_FILE must be a file path' })
  PERSONAL_DATA_MASTER_KEY_FILE?: string;
}
