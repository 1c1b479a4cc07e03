/**
 * The admin API under `/_emulator/`: JSON in, JSON out, for tests and the demo to seed,
 * inspect and bend the emulator. Input that cannot be applied is answered 400 with
 * `{ "message": ... }`. The routes are documented in emulator/README.md.
 */
import { ResourceShareInvitationStatus } from "@aws-sdk/client-ram";
import type { ServerResponse } from "node:http";
import type { Emulator } from "../emulator";
import { parseFaults } from "../faults/injector";
import { EmulatorInputError } from "../input-error";
import type { InvitationStatus } from "../model/types";
import type { CallFilter } from "../wire/call-log";
import { SERVED_OPERATIONS, ServedOperationName, ServiceName } from "../wire/served-operations";
import { sendJson } from "../wire/rest-json";
import { organizationRoutes } from "./organization-routes";
import { AdminRoute, field, stringField } from "./route";
import { invitationView, issuedCredentials, stateSnapshot } from "./views";

/** The path prefix of every admin route. */
export const ADMIN_PREFIX = "/_emulator/";

function invitationStatus(value: unknown): InvitationStatus {
    const statuses: unknown[] = Object.values(ResourceShareInvitationStatus);
    if (!statuses.includes(value)) {
        throw new EmulatorInputError(`status must be one of ${statuses.join(", ")}`);
    }
    return value as InvitationStatus;
}

/** Checks an operation name from outside. */
function parseOperationName(value: string): ServedOperationName {
    const operation = SERVED_OPERATIONS.find((name) => name === value);
    if (operation === undefined) {
        throw new EmulatorInputError(`unknown operation ${value}; the emulator serves ${SERVED_OPERATIONS.join(", ")}`);
    }
    return operation;
}

function serviceName(value: string): ServiceName {
    if (value !== "ram" && value !== "organizations") {
        throw new EmulatorInputError(`unknown service ${value}; the call log records ram and organizations`);
    }
    return value;
}

function callFilter(query: URLSearchParams): CallFilter {
    const service = query.get("service");
    const operation = query.get("operation");
    const accountId = query.get("accountId");
    return {
        ...(service !== null && { service: serviceName(service) }),
        ...(operation !== null && { operation: parseOperationName(operation) }),
        ...(accountId !== null && { accountId }),
    };
}

const ROUTES: AdminRoute[] = [
    { method: "POST", path: /^seed$/, handle: (emulator, { body }) => emulator.seed(body) },
    { method: "GET", path: /^calls$/, handle: (emulator, { query }) => emulator.callLog.list(callFilter(query)) },
    { method: "DELETE", path: /^calls$/, handle: (emulator) => emulator.callLog.clear() },
    { method: "POST", path: /^reset$/, handle: (emulator) => emulator.reset() },
    { method: "POST", path: /^tokens\/forget$/, handle: (emulator) => emulator.forgetClientTokens() },
    {
        method: "POST",
        path: /^clock\/advance$/,
        handle: (emulator, { body }) => {
            const ms = field(body, "ms");
            if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) {
                throw new EmulatorInputError("ms must be a number of milliseconds, 0 or more");
            }
            emulator.advanceClock(ms);
            return { now: emulator.clock.isoNow() };
        },
    },
    {
        method: "PUT",
        path: /^faults\/([^/]+)$/,
        handle: (emulator, { body, params }) => {
            const operation = parseOperationName(params[0]);
            emulator.faults.set(operation, parseFaults(operation, body));
        },
    },
    { method: "DELETE", path: /^faults$/, handle: (emulator) => emulator.faults.clear() },
    { method: "GET", path: /^state$/, handle: (emulator) => stateSnapshot(emulator) },
    { method: "GET", path: /^credentials$/, handle: (emulator) => issuedCredentials(emulator.iam) },
    {
        method: "POST",
        path: /^invitations\/set-status$/,
        handle: (emulator, { body }) =>
            invitationView(
                emulator.store,
                emulator.setInvitationStatus(
                    stringField(body, "resourceShareInvitationArn"),
                    invitationStatus(field(body, "status")),
                ),
            ),
    },
    {
        method: "POST",
        path: /^invitations\/remove$/,
        handle: (emulator, { body }) => emulator.removeInvitation(stringField(body, "resourceShareInvitationArn")),
    },
    ...organizationRoutes,
];

function parseBody(bytes: Buffer): unknown {
    if (bytes.length === 0) {
        return undefined;
    }
    try {
        return JSON.parse(bytes.toString("utf8"));
    } catch {
        throw new EmulatorInputError("the body is not valid JSON");
    }
}

/** Answers one admin request (a URL under {@link ADMIN_PREFIX}). */
export function handleAdminRequest(
    emulator: Emulator,
    method: string,
    url: URL,
    bytes: Buffer,
    res: ServerResponse,
): void {
    const path = url.pathname.slice(ADMIN_PREFIX.length);
    const candidates = ROUTES.filter((r) => r.path.test(path));
    const route = candidates.find((r) => r.method === method);
    if (!route) {
        const status = candidates.length > 0 ? 405 : 404;
        sendJson(res, status, JSON.stringify({ message: `no admin route ${method} ${url.pathname}` }));
        return;
    }
    try {
        const params = (route.path.exec(path) ?? []).slice(1).map(decodeURIComponent);
        const result = route.handle(emulator, { body: parseBody(bytes), query: url.searchParams, params });
        sendJson(res, 200, JSON.stringify(result ?? {}));
    } catch (err) {
        const status = err instanceof EmulatorInputError ? 400 : 500;
        sendJson(res, status, JSON.stringify({ message: err instanceof Error ? err.message : String(err) }));
    }
}
