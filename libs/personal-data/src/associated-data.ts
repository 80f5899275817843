/**
 * The associated data GCM authenticates beside each ciphertext. A JSON array is an unambiguous
 * encoding of several strings (no separator a scope or key id could forge), and the leading
 * label keeps a ciphertext of one kind from ever verifying as another kind.
 */

/**
 * A sealed field is bound to its key id. The key id is bound to its scope by the wrapping
 * (see wrappedDataKeyAad), so a field cannot be moved to another key or to another case.
 */
export function sealedValueAad(keyId: string): Buffer {
  return Buffer.from(JSON.stringify(['bluehelm.personal-data.field.v1', keyId]), 'utf8');
}

/** A wrapped data key is bound to its key id and scope: a stored row cannot be moved to another case. */
export function wrappedDataKeyAad(keyId: string, scope: string): Buffer {
  return Buffer.from(JSON.stringify(['bluehelm.personal-data.data-key.v1', keyId, scope]), 'utf8');
}

/** The vault's proof that it is opened with the master key it was created with. */
export function masterKeyCheckAad(): Buffer {
  return Buffer.from(JSON.stringify(['bluehelm.personal-data.master-key-check.v1']), 'utf8');
}
