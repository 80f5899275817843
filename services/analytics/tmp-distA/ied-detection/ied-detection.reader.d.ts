import type { IedDetectionFigures, IedDetectionQuery, IedDetectionView } from '@bluehelm/contracts';
import type { ReadModelDatabase } from '../read-model/read-model-database.js';
/** Reads IED detection figures from the IED incident rows. */
export declare class IedDetectionReader {
    private readonly database;
    constructor(database: ReadModelDatabase);
    figures(query: IedDetectionQuery): Promise<IedDetectionView>;
}
/** The figures with the rate rounded to 4 decimals, so that every database gives the same bytes. */
export declare function figuresOf(ieds: number, detected: number): IedDetectionFigures;
//# sourceMappingURL=ied-detection.reader.d.ts.map