import { problemOf } from '@bluehelm/contracts';
/**
 * Runs a query and answers its value or its problem; an unexpected failure is logged and
 * answered as a 500 problem rather than thrown, since callers expect plain JSON either way.
 */
export async function replyTo(logger, subject, answer) {
    try {
        return await answer();
    }
    catch (error) {
        logger.error(`${subject} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return problemOf('internal', 'The analytics service could not answer this query; try again.');
    }
}
//# sourceMappingURL=query-reply.js.map