import * as contracts from '@bluehelm/contracts';
import { ANALYTICS_INDICATORS_CHANGED_SUBJECT, INTAKE_SUBJECTS, isServiceName, SERVICE_NAMES, type ServiceName } from '@bluehelm/contracts';
import { describe, expect, it } from '@jest/globals';
import {
  BLUEHELM_NATS_PERMISSIONS,
  BLUEHELM_SERVICE_MESSAGING,
  MISSION_SYSTEM_USER,
  NATS_INBOXES,
  NATS_USERS,
  SERVICE_REQUEST_SUBJECTS,
  type NatsUser,
} from './nats-permissions.js';
import { natsRulesAllow } from './nats-subject-match.js';

const mayPublish = (user: NatsUser, subject: string) => natsRulesAllow(BLUEHELM_NATS_PERMISSIONS[user].publish, subject);
const maySubscribe = (user: NatsUser, subject: string) => natsRulesAllow(BLUEHELM_NATS_PERMISSIONS[user].subscribe, subject);
const allRequestSubjects = SERVICE_NAMES.flatMap((service) => SERVICE_REQUEST_SUBJECTS[service].map((subject) => ({ service, subject })));

/** Every `bluehelm.<service>.…` string the contracts export, wherever it sits in their constants. */
function serviceSubjectsOfContracts(): { service: ServiceName; subject: string }[] {
  const found = new Map<string, ServiceName>();
  const visit = (value: unknown, depth: number): void => {
    if (typeof value === 'string') {
      const service = /^bluehelm\.([a-z-]+)\./.exec(value)?.[1];
      if (service !== undefined && isServiceName(service)) found.set(value, service);
    } else if (depth < 4 && typeof value === 'object' && value !== null) {
      for (const inner of Object.values(value)) visit(inner, depth + 1);
    }
  };
  visit(contracts, 0);
  return [...found].map(([subject, service]) => ({ service, subject }));
}

describe('the NATS permissions of the Bluehelm users', () => {
  it('cover every service subject of the contracts: the service may serve it, and the gateway request it of the others', () => {
    const subjects = serviceSubjectsOfContracts().filter(({ subject }) => subject !== ANALYTICS_INDICATORS_CHANGED_SUBJECT);
    const uncovered = subjects.filter(
      ({ service, subject }) => !maySubscribe(service, subject) || (service !== 'gateway' && !mayPublish('gateway', subject)),
    );
    expect(subjects.length).toBeGreaterThan(20);
    expect(uncovered).toEqual([]);
  });

  it('let only the gateway send requests to the services, and mission systems only incident reports', () => {
    const senders = allRequestSubjects.map(({ subject }) => ({ subject, users: NATS_USERS.filter((user) => mayPublish(user, subject)) }));
    const expected = allRequestSubjects.map(({ service, subject }) => ({
      subject,
      users: service === 'gateway' ? [] : subject === INTAKE_SUBJECTS.reportIncident ? ['gateway', MISSION_SYSTEM_USER] : ['gateway'],
    }));
    expect(senders).toEqual(expected);
  });

  it('let each service serve only its own request subjects', () => {
    const servers = allRequestSubjects.map(({ subject }) => ({ subject, users: NATS_USERS.filter((user) => maySubscribe(user, subject)) }));
    expect(servers).toEqual(allRequestSubjects.map(({ service, subject }) => ({ subject, users: [service] })));
  });

  it('let a service publish only the events of the categories it relays', () => {
    const categories = SERVICE_NAMES.flatMap((service) => BLUEHELM_SERVICE_MESSAGING[service].relays).sort();
    const publishers = ['unowned', ...categories].map((category) => ({
      category,
      users: NATS_USERS.filter((user) => mayPublish(user, `bluehelm.events.${category}.SomethingHappened`)),
    }));
    expect(categories).toEqual(['case', 'incident']);
    expect(publishers).toEqual([
      { category: 'unowned', users: [] },
      { category: 'case', users: ['case-tracking'] },
      { category: 'incident', users: ['intake'] },
    ]);
  });

  it('let only analytics publish the indicator changes, which only the gateway receives', () => {
    expect(NATS_USERS.filter((user) => mayPublish(user, ANALYTICS_INDICATORS_CHANGED_SUBJECT))).toEqual(['analytics']);
    expect(NATS_USERS.filter((user) => maySubscribe(user, ANALYTICS_INDICATORS_CHANGED_SUBJECT))).toEqual(['gateway']);
  });

  it('open the JetStream API only for the streams, durables and lease keys a service uses', () => {
    const jetStreamUsers = NATS_USERS.filter((user) => mayPublish(user, '$JS.API.INFO'));
    expect(jetStreamUsers).toEqual(['intake', 'case-tracking', 'notification']);
    expect(mayPublish('notification', '$JS.API.CONSUMER.MSG.NEXT.BLUEHELM_EVENTS.notification')).toBe(true);
    expect(mayPublish('notification', '$JS.API.CONSUMER.MSG.NEXT.BLUEHELM_EVENTS.case-tracking-incidents')).toBe(false);
    expect(mayPublish('notification', '$JS.API.CONSUMER.CREATE.BLUEHELM_EVENTS.notification.bluehelm.events.>')).toBe(true);
    expect(mayPublish('case-tracking', '$JS.API.CONSUMER.CREATE.BLUEHELM_EVENTS.case-tracking-incidents.bluehelm.events.>')).toBe(false);
    expect(mayPublish('intake', '$KV.bluehelm_leases.relay-incident')).toBe(true);
    expect(mayPublish('intake', '$KV.bluehelm_leases.relay-case')).toBe(false);
    expect(NATS_USERS.filter((user) => ['DELETE', 'PURGE'].some((verb) => mayPublish(user, `$JS.API.STREAM.${verb}.BLUEHELM_EVENTS`)))).toEqual([]);
    expect(NATS_USERS.filter((user) => mayPublish(user, '$JS.API.STREAM.MSG.DELETE.BLUEHELM_EVENTS'))).toEqual([]);
  });

  it('let every user receive replies on its inboxes, and answer requests only if it serves some', () => {
    expect(NATS_USERS.filter((user) => !maySubscribe(user, `${NATS_INBOXES.slice(0, -1)}abc.1`))).toEqual([]);
    expect(NATS_USERS.filter((user) => BLUEHELM_NATS_PERMISSIONS[user].allowResponses)).toEqual([...SERVICE_NAMES]);
    expect(NATS_USERS.filter((user) => mayPublish(user, '_INBOX.abc.1'))).toEqual([]);
  });
});
