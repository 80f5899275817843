import type { ServerResponse } from 'node:http';
import { SERVICE_CONFIG } from '@bluehelm/service-kit';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { GatewayConfig } from '../config/gateway-config.js';
import { ApiEventStream } from '../docs/api-docs.decorators.js';
import { indicatorChangeId } from '../upstream/indicator-change.js';
import { IndicatorFeed } from '../upstream/indicator.feed.js';
import { EventStreamResponse } from './event-stream.response.js';

/** The event name of every indicator change on the stream. */
export const INDICATOR_CHANGED_EVENT = 'indicator-changed';

/** `GET /v1/analytics/stream`: the analytics service's indicator changes, as Server-Sent Events. */
@ApiTags('analytics')
@Controller('v1/analytics')
export class IndicatorStreamController {
  constructor(
    private readonly feed: IndicatorFeed,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get('stream')
  @ApiOperation({
    summary: 'Indicator changes, live (Server-Sent Events)',
    description:
      'Each change is an `indicator-changed` event whose data is the JSON of an IndicatorChanged and whose id is ' +
      '`<position>:<indicator>` (the event-log position its figures include). Changes made while a client is away ' +
      'are not replayed: on (re)connecting, read the figures from the indicator routes. A comment line comes every ' +
      'SSE_HEARTBEAT_MS (15 s) when no event does.',
  })
  @ApiEventStream(INDICATOR_CHANGED_EVENT, 'IndicatorChanged')
  async stream(@Res() response: ServerResponse): Promise<void> {
    const stream = new EventStreamResponse(response, this.config.SSE_HEARTBEAT_MS);
    const leave = await this.feed.join({
      deliver: (change) => stream.send({ id: indicatorChangeId(change), event: INDICATOR_CHANGED_EVENT, data: JSON.stringify(change) }),
      end: () => stream.end(),
    });
    stream.open();
    stream.onClose(leave);
  }
}
