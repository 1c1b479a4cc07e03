import { validate as isUuid } from "uuid";

/** True when `value` has the form of a token this library issues (a UUID, as RAM recommends). */
export function isClientToken(value: unknown): value is string {
    return typeof value === "string" && isUuid(value);
}
