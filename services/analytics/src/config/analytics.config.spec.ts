import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, loadConfig } from '@bluehelm/service-kit';
import { AnalyticsConfig } from './analytics.config.js';

describe('the analytics settings', () => {
  it('default to a sqlite file beside the event store and a stall period of 180 days', () => {
    const config = loadConfig(AnalyticsConfig, {});

    expect(config.ANALYTICS_DB_URL).toBe('sqlite:./data/analytics.db');
    expect(config.STALL_DAYS).toBe(180);
  });

  it('take a PostgreSQL database with a schema, and another stall period', () => {
    const config = loadConfig(AnalyticsConfig, { ANALYTICS_DB_URL: 'postgres://postgres@db:5432/bluehelm?schema=reports', STALL_DAYS: '90' });

    expect([config.ANALYTICS_DB_URL, config.STALL_DAYS]).toEqual(['postgres://postgres@db:5432/bluehelm?schema=reports', 90]);
  });

  it('refuse a database they cannot open and a stall period that is not a number of days', () => {
    expect(() => loadConfig(AnalyticsConfig, { ANALYTICS_DB_URL: 'mysql://db/bluehelm', STALL_DAYS: 'half a year' })).toThrow(
      ConfigurationError,
    );
  });
});
