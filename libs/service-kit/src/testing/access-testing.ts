/**
 * Access for unit specs of handlers: a real TokenVerifier on a development key in a temporary
 * folder, tokens signed with it, NATS contexts that carry them, and personal data sealed in a
 * memory key vault. Nothing is mocked: the handlers verify real tokens and open real ciphertext.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueDevelopmentToken, TokenVerifier, type DevelopmentClaims } from '@bluehelm/access';
import type { EventStore } from '@bluehelm/event-store';
import { MemoryKeyVault, PersonalDataCipher } from '@bluehelm/personal-data';
import { headers } from '@nats-io/transport-node';
import { NatsContext, NatsRecordBuilder, type NatsRecord } from '@nestjs/microservices';
import { AccessTrail } from '../access/access-trail.js';
import { AUTHORIZATION_HEADER, CallerAccess } from '../access/caller-access.js';
import { PersonalDataDisclosure } from '../personal-data/personal-data.disclosure.js';

export interface AccessTestKit {
  readonly devKeyDir: string;
  readonly access: CallerAccess;
  tokenFor(claims: DevelopmentClaims): Promise<string>;
  /** A NATS context as the transport gives a handler, with `Authorization: Bearer <token>`. */
  contextFor(claims: DevelopmentClaims | undefined, subject?: string): Promise<NatsContext>;
}

export async function accessTestKit(): Promise<AccessTestKit> {
  const devKeyDir = mkdtempSync(join(tmpdir(), 'bluehelm-access-test-'));
  const access = new CallerAccess(await TokenVerifier.create({ devKeyDir }));
  const tokenFor = (claims: DevelopmentClaims) => issueDevelopmentToken(devKeyDir, claims);
  return {
    devKeyDir,
    access,
    tokenFor,
    contextFor: async (claims, subject = 'bluehelm.test') => {
      const sent = headers();
      if (claims !== undefined) sent.set(AUTHORIZATION_HEADER, `Bearer ${await tokenFor(claims)}`);
      return new NatsContext([subject, sent]);
    },
  };
}

export interface PersonalDataTestKit {
  readonly vault: MemoryKeyVault;
  readonly cipher: PersonalDataCipher;
  readonly trail: AccessTrail;
  readonly disclosure: PersonalDataDisclosure;
}

/** Sealing and disclosure on a memory key vault, the access trail in `store`. */
export function personalDataTestKit(store: EventStore): PersonalDataTestKit {
  const vault = new MemoryKeyVault(randomBytes(32));
  const cipher = new PersonalDataCipher(vault);
  const trail = new AccessTrail(store);
  return { vault, cipher, trail, disclosure: new PersonalDataDisclosure(cipher, trail) };
}

/**
 * A NestJS NATS message that carries `Authorization: Bearer <token>`, as the gateway sends it:
 * for `client.send(subject, authorizedMessage(message, token))` in tests of a service process.
 */
export function authorizedMessage<T>(message: T, token: string): NatsRecord {
  const sent = headers();
  sent.set(AUTHORIZATION_HEADER, `Bearer ${token}`);
  return new NatsRecordBuilder<T>(message).setHeaders(sent).build();
}
