import { type Problem } from '@bluehelm/contracts';
import type { Logger } from '@nestjs/common';
/**
 * Runs a query and answers its value or its problem; an unexpected failure is logged and
 * answered as a 500 problem rather than thrown, since callers expect plain JSON either way.
 */
export declare function replyTo<Value>(logger: Logger, subject: string, answer: () => Promise<Value | Problem>): Promise<Value | Problem>;
//# sourceMappingURL=query-reply.d.ts.map