import { type IedDetectionView, type Problem } from '@bluehelm/contracts';
import { IedDetectionReader } from './ied-detection.reader.js';
/** `GET /v1/analytics/ied-detection`: the query string's fields as plain JSON. */
export declare class IedDetectionHandler {
    private readonly reader;
    private readonly logger;
    constructor(reader: IedDetectionReader);
    iedDetection(message: unknown): Promise<IedDetectionView | Problem>;
}
//# sourceMappingURL=ied-detection.handler.d.ts.map