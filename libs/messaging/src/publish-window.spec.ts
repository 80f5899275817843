import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@bluehelm/event-store';
import { PublishWindow } from './publish-window.js';

function eventAt(position: number, streamName: string): RecordedEvent {
  return { id: `event-${position}`, type: 'CaseStepRecorded', streamName, revision: 0, position, data: {}, metadata: {}, createdAt: new Date().toISOString() };
}

/** Publishes that settle only when the test says so. */
class ManualPublishes {
  readonly sent: number[] = [];
  private readonly settle = new Map<number, (acked: boolean) => void>();

  publish = (event: RecordedEvent): Promise<boolean> => {
    this.sent.push(event.position);
    return new Promise((resolve) => this.settle.set(event.position, resolve));
  };

  answer(position: number, acked = true): void {
    this.settle.get(position)?.(acked);
  }
}

const turns = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('PublishWindow', () => {
  it('sends up to its size before any acknowledgement, and hands acknowledgements on in log order', async () => {
    const publishes = new ManualPublishes();
    const acknowledged: number[] = [];
    const window = new PublishWindow(3, publishes.publish, async (event) => void acknowledged.push(event.position));
    for (const position of [0, 1, 2]) expect(await window.send(eventAt(position, `case-${position}`))).toBe(true);
    const fourth = window.send(eventAt(3, 'case-3'));
    // Sent together at the end of the turn, in the order they were asked for.
    expect(publishes.sent).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(publishes.sent).toEqual([0, 1, 2]);

    publishes.answer(2);
    publishes.answer(1);
    await turns();
    expect(acknowledged).toEqual([]);
    expect(publishes.sent).toEqual([0, 1, 2]);

    publishes.answer(0);
    await expect(fourth).resolves.toBe(true);
    await turns();
    expect(publishes.sent).toEqual([0, 1, 2, 3]);
    publishes.answer(3);
    await expect(window.drain()).resolves.toBe(true);
    expect(acknowledged).toEqual([0, 1, 2, 3]);
  });

  it('holds an event back while an earlier one of its stream waits for its acknowledgement', async () => {
    const publishes = new ManualPublishes();
    const window = new PublishWindow(10, publishes.publish, async () => undefined);
    await window.send(eventAt(0, 'case-a'));
    await window.send(eventAt(1, 'case-b'));
    const sameStream = window.send(eventAt(2, 'case-a'));
    await turns();
    expect(publishes.sent).toEqual([0, 1]);

    publishes.answer(0);
    await expect(sameStream).resolves.toBe(true);
    await turns();
    expect(publishes.sent).toEqual([0, 1, 2]);
  });

  it('sends nothing more and hands on nothing past a publish that was given up', async () => {
    const publishes = new ManualPublishes();
    const acknowledged: number[] = [];
    const window = new PublishWindow(2, publishes.publish, async (event) => void acknowledged.push(event.position));
    await window.send(eventAt(0, 'case-a'));
    await window.send(eventAt(1, 'case-b'));
    const third = window.send(eventAt(2, 'case-c'));
    await turns();
    publishes.answer(1);
    publishes.answer(0, false);
    await expect(third).resolves.toBe(false);
    await expect(window.drain()).resolves.toBe(false);
    expect(publishes.sent).toEqual([0, 1]);
    expect(acknowledged).toEqual([]);
  });
});
