/**
 * The engine's marker for an input whose value is not known yet: a preview of a program that
 * computes it. Every offline check lets it pass; the update checks the value again once it is known.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
