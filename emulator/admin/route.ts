/**
 * What an admin route is, and the reading of the fields of its JSON body: shared by the routes
 * of admin-api.ts and organization-routes.ts.
 */
import type { Emulator } from "../emulator";
import { EmulatorInputError } from "../input-error";
import { isPlainObject } from "../plain-object";

export interface AdminRequest {
    body: unknown;
    query: URLSearchParams;
    /** The path's capture groups. */
    params: string[];
}

export interface AdminRoute {
    method: string;
    path: RegExp;
    handle: (emulator: Emulator, request: AdminRequest) => unknown;
}

export function field(body: unknown, name: string): unknown {
    return isPlainObject(body) ? body[name] : undefined;
}

export function stringField(body: unknown, name: string): string {
    const value = field(body, name);
    if (typeof value !== "string" || value === "") {
        throw new EmulatorInputError(`${name} must be a non-empty string`);
    }
    return value;
}
