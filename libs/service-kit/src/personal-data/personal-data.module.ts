import { loadMasterKey, openKeyVault, PersonalDataCipher, type KeyVault } from '@bluehelm/personal-data';
import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { PersonalDataConfig } from '../config/personal-data-config.js';
import { SERVICE_CONFIG } from '../service-kit.tokens.js';
import { PersonalDataDisclosure } from './personal-data.disclosure.js';

/** The key vault of the services that seal or reveal personal data (KEY_VAULT_URL). */
export const KEY_VAULT = Symbol('KEY_VAULT');

/** Closes the vault when the application stops. */
@Injectable()
class KeyVaultCloser implements OnApplicationShutdown {
  constructor(@Inject(KEY_VAULT) private readonly vault: KeyVault) {}

  async onApplicationShutdown(): Promise<void> {
    await this.vault.close();
  }
}

/**
 * For a service that writes or reads personal fields: the KEY_VAULT (opened with the master
 * key from PERSONAL_DATA_MASTER_KEY(_FILE), or the development one), a PersonalDataCipher, and the
 * PersonalDataDisclosure that answers readers as their clearance allows.
 */
@Module({
  providers: [
    {
      provide: KEY_VAULT,
      inject: [SERVICE_CONFIG],
      useFactory: async (config: PersonalDataConfig): Promise<KeyVault> => {
        const masterKey = await loadMasterKey({
          masterKey: config.PERSONAL_DATA_MASTER_KEY,
          masterKeyFile: config.PERSONAL_DATA_MASTER_KEY_FILE,
          devKeyDir: config.AUTH_DEV_KEY_DIR,
        });
        return openKeyVault(config.KEY_VAULT_URL, masterKey);
      },
    },
    { provide: PersonalDataCipher, inject: [KEY_VAULT], useFactory: (vault: KeyVault) => new PersonalDataCipher(vault) },
    KeyVaultCloser,
    PersonalDataDisclosure,
  ],
  exports: [KEY_VAULT, PersonalDataCipher, PersonalDataDisclosure],
})
export class PersonalDataModule {}
