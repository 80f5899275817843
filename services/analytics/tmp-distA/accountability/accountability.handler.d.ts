import { type AccountabilityCsvReply, type AccountabilityReport, type Problem } from '@bluehelm/contracts';
import { type Clock } from '../clock/clock.js';
import { AccountabilityIndex } from './accountability-index.js';
/**
 * `GET /v1/reports/accountability`: the query string's fields as plain JSON. Answers the report
 * for `format=json` (default), `{ contentType, filename, body }` for `format=csv`.
 */
export declare class AccountabilityHandler {
    private readonly index;
    private readonly clock;
    private readonly stallDays;
    private readonly logger;
    constructor(index: AccountabilityIndex, clock: Clock, stallDays: number);
    accountability(message: unknown): Promise<AccountabilityReport | AccountabilityCsvReply | Problem>;
}
//# sourceMappingURL=accountability.handler.d.ts.map