import { type AnalyticsStatus } from '@bluehelm/contracts';
import { LiveReadModels } from './live-read-models.service.js';
/** How far the read models have followed the log: lets a caller wait for its own write. */
export declare class StatusHandler {
    private readonly readModels;
    constructor(readModels: LiveReadModels);
    status(): AnalyticsStatus;
}
//# sourceMappingURL=status.handler.d.ts.map