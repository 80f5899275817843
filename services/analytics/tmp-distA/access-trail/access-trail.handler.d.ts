import { type AccessTrailPage, type Problem } from '@bluehelm/contracts';
import { AccessTrailReader } from './access-trail.reader.js';
/** `GET /v1/audit/access`: the query string's fields as plain JSON; for auditors only. */
export declare class AccessTrailHandler {
    private readonly reader;
    private readonly logger;
    constructor(reader: AccessTrailReader);
    accessTrail(message: unknown): Promise<AccessTrailPage | Problem>;
}
//# sourceMappingURL=access-trail.handler.d.ts.map