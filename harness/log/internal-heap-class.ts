/**
 * Heap snapshot classes that are the engine's own ("(compiled code)", "(string)", "system / Context",
 * "InternalNode"): they grow with any allocation and name nothing a program holds, so the retainer path and the
 * Likely sources name the other classes. Shared by the collector (heap-snapshot-diff.ts) and the analyzer. Pure.
 */
export const INTERNAL_HEAP_CLASS = /^\(|^system \/|^InternalNode$/;
