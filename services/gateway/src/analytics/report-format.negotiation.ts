import type { AccountabilityFormat } from '@bluehelm/contracts';

const MEDIA_TYPES: { readonly [F in AccountabilityFormat]: readonly [string, string] } = {
  json: ['application', 'json'],
  csv: ['text', 'csv'],
};

interface MediaRange {
  readonly type: string;
  readonly subtype: string;
  readonly quality: number;
}

/**
 * The report format an `Accept` header asks for when the query names none: CSV only when the
 * header rates `text/csv` above `application/json`; JSON otherwise (no header, a tie as with a
 * bare wildcard, or neither listed), since JSON is the report's own form.
 */
export function reportFormatForAccept(accept: string | undefined): AccountabilityFormat {
  if (accept === undefined || accept.trim() === '') return 'json';
  const ranges = accept.split(',').map(mediaRangeOf).filter((range) => range !== undefined);
  return qualityOf('csv', ranges) > qualityOf('json', ranges) ? 'csv' : 'json';
}

/** The quality the most specific range that matches gives the format (RFC 9110, 12.5.1); 0 if none does. */
function qualityOf(format: AccountabilityFormat, ranges: readonly MediaRange[]): number {
  const [type, subtype] = MEDIA_TYPES[format];
  const exact = ranges.find((range) => range.type === type && range.subtype === subtype);
  const anySubtype = ranges.find((range) => range.type === type && range.subtype === '*');
  const anything = ranges.find((range) => range.type === '*' && range.subtype === '*');
  return (exact ?? anySubtype ?? anything)?.quality ?? 0;
}

function mediaRangeOf(text: string): MediaRange | undefined {
  const [range = '', ...parameters] = text.split(';').map((part) => part.trim().toLowerCase());
  const [type, subtype] = range.split('/');
  if (!type || !subtype) return undefined;
  const qualityParameter = parameters.find((parameter) => /^q\s*=/.test(parameter));
  const quality = qualityParameter === undefined ? 1 : Number(qualityParameter.replace(/^q\s*=\s*/, ''));
  if (!Number.isFinite(quality) || quality < 0 || quality > 1) return undefined;
  return { type, subtype, quality };
}
