import { type FatalitiesView, type Problem } from '@bluehelm/contracts';
import { FatalitiesReader } from './fatalities.reader.js';
/** `GET /v1/analytics/fatalities`: the query string's fields as plain JSON. */
export declare class FatalitiesHandler {
    private readonly reader;
    private readonly logger;
    constructor(reader: FatalitiesReader);
    fatalities(message: unknown): Promise<FatalitiesView | Problem>;
}
//# sourceMappingURL=fatalities.handler.d.ts.map