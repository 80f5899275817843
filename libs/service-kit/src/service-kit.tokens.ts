/** The validated ServiceConfig (or the service's subclass of it). */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
/** The service's name, which is also its NATS queue group. */
export const SERVICE_NAME = Symbol('SERVICE_NAME');
/** A ClientProxy for NATS request/reply to other services; it connects on first use. */
export const NATS_CLIENT = Symbol('NATS_CLIENT');
