/** The log format's version, in a module without zod so that the in-page bundle does not pull zod in. */
export const LOG_SCHEMA_VERSION = 1;
