/** A Content-Type header's essence (`application/json`) and charset, both lower-case. */
export interface MediaType {
  readonly essence: string;
  readonly charset: string | undefined;
}

export function mediaTypeOf(header: string | undefined): MediaType | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const [essence = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  const charset = parameters
    .map((parameter) => /^charset\s*=\s*"?([^";]+)"?$/.exec(parameter)?.[1])
    .find((value) => value !== undefined);
  return { essence, charset };
}

/** JSON is UTF-8 (RFC 8259); a charset parameter, when given, must say so. */
export function isUtf8Json(mediaType: MediaType | undefined, essence = 'application/json'): boolean {
  return (
    mediaType !== undefined &&
    mediaType.essence === essence &&
    (mediaType.charset === undefined || mediaType.charset === 'utf-8' || mediaType.charset === 'utf8')
  );
}
