import { describe, expect, it } from '@jest/globals';
import { Expose } from 'class-transformer';
import { IsString } from 'class-validator';
import { ConfigurationError, loadConfig } from './load-config.js';
import { ServiceConfig } from './service-config.js';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(ServiceConfig, env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('loadConfig', () => {
  it('uses the class defaults when the environment sets nothing', () => {
    const config = loadConfig(ServiceConfig, {});
    expect(config).toMatchObject({
      EVENT_STORE_URL: 'sqlite:./data/events.db',
      NATS_URL: 'nats://127.0.0.1:4222',
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: 10_000,
    });
  });

  it('prefers a given default to the class default, and a set variable to both', () => {
    expect(loadConfig(ServiceConfig, {}, { PORT: 8083 }).PORT).toBe(8083);
    expect(loadConfig(ServiceConfig, { PORT: '9000' }, { PORT: 8083 }).PORT).toBe(9000);
  });

  it('treats a blank variable as unset', () => {
    expect(loadConfig(ServiceConfig, { PORT: '  ', LOG_LEVEL: '' }, { PORT: 8081 })).toMatchObject({
      PORT: 8081,
      LOG_LEVEL: 'info',
    });
  });

  it('reads numbers and keeps other environment variables out of the config', () => {
    const config = loadConfig(ServiceConfig, { SHUTDOWN_TIMEOUT_MS: '2500', HOME: '/root' });
    expect(config.SHUTDOWN_TIMEOUT_MS).toBe(2500);
    expect(config).not.toHaveProperty('HOME');
  });

  it('rejects a port that is not a number, naming the value it got', () => {
    expect(problemsOf({ PORT: 'abc' })).toEqual(['PORT must be an integer between 1 and 65535 (got "abc")']);
  });

  it('rejects a port out of range', () => {
    expect(problemsOf({ PORT: '65536' })).toEqual(['PORT must be an integer between 1 and 65535 (got "65536")']);
  });

  it('rejects an event store URL whose scheme no adapter opens', () => {
    expect(problemsOf({ EVENT_STORE_URL: 'mysql://db' })[0]).toMatch(/^EVENT_STORE_URL must be sqlite:.*\(got "mysql:\/\/db"\)$/);
  });

  it('accepts every event store scheme the factory knows', () => {
    for (const url of ['memory:', 'sqlite:./x.db', 'postgres://u@h:5432/db', 'kurrentdb://h:2113', 'esdb://h:2113']) {
      expect(loadConfig(ServiceConfig, { EVENT_STORE_URL: url }).EVENT_STORE_URL).toBe(url);
    }
  });

  it('hides passwords of rejected URLs', () => {
    const [problem] = problemsOf({ NATS_URL: 'nats://a:4222,http://user:secret@b' });
    expect(problem).toContain('user:***@b');
    expect(problem).not.toContain('secret');
  });

  it('accepts a comma-separated list of NATS servers, with or without scheme', () => {
    const natsUrl = 'nats://a:4222, tls://b:4443,c:4222';
    expect(loadConfig(ServiceConfig, { NATS_URL: natsUrl }).NATS_URL).toBe(natsUrl);
  });

  it('rejects a NATS URL with a path or a foreign scheme', () => {
    expect(problemsOf({ NATS_URL: 'nats://a:4222/x' })).toHaveLength(1);
    expect(problemsOf({ NATS_URL: 'http://a:4222' })).toHaveLength(1);
  });

  it('reports every bad setting at once', () => {
    expect(problemsOf({ LOG_LEVEL: 'loud', SHUTDOWN_TIMEOUT_MS: '-1' })).toEqual([
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
      'SHUTDOWN_TIMEOUT_MS must be an integer from 0 to 600000 (got "-1")',
    ]);
  });

  it('reads the extra settings of a subclass', () => {
    class MailConfig extends ServiceConfig {
      @Expose()
      @IsString({ message: 'SMTP_HOST must be a host name' })
      SMTP_HOST = 'localhost';
    }
    expect(loadConfig(MailConfig, { SMTP_HOST: 'mail.example.org' }).SMTP_HOST).toBe('mail.example.org');
  });
});
