/** What a reader without the clearance sees in place of a name or other personal field. */
export const REDACTED = '[redacted]';

/** What every reader sees in place of personal data whose case key was destroyed by erasure. */
export const ERASED = '[erased]';

/** What a reader sees in place of the narrative and details of an incident above its clearance. */
export const WITHHELD = '[withheld: classification]';
