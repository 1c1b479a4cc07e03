/**
 * The HTTP server: listens on 127.0.0.1 only, so no one but this machine reaches it (the admin
 * API included); reads bodies up to a cap, and sends each request to the admin API, to STS (by
 * the service its signature is scoped to), to the Organizations operation its `X-Amz-Target`
 * names, or to the RAM operation its method and path name. A request that fails in any way is answered
 * (or its connection closed); the server keeps serving.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ADMIN_PREFIX, handleAdminRequest } from "./admin/admin-api";
import type { Emulator } from "./emulator";
import { ApiError } from "./wire/api-error";
import { targetOperation } from "./wire/json-1-1";
import {
    handleOrganizationsRequest,
    isServedOrganizationsOperation,
    sendUnknownOrganizationsOperation,
} from "./wire/organizations-endpoint";
import { ORGANIZATIONS_TARGET_PREFIX } from "./wire/organizations-schema";
import { RamEndpoint, RequestBody } from "./wire/ram-endpoint";
import { OperationShape, RAM_OPERATION_SHAPES } from "./wire/ram-schema";
import { sendError, sendJson } from "./wire/rest-json";
import { handleStsRequest, isStsRequest } from "./wire/sts-endpoint";

/** Bodies above this are refused (and not kept in memory). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The loopback address, the only one the server listens on. */
const HOST = "127.0.0.1";

/** A listening emulator server. */
export interface EmulatorServer {
    /** `http://127.0.0.1:<port>` */
    endpoint: string;
    /** Stops listening, lets requests in flight finish, then closes every connection. */
    close(): Promise<void>;
}

/** Reads a body, keeping at most {@link MAX_BODY_BYTES}; the rest is read and dropped so the reply still arrives. */
function readBody(req: IncomingMessage): Promise<RequestBody> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        req.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size <= MAX_BODY_BYTES) {
                chunks.push(chunk);
            }
        });
        req.on("end", () => resolve({ bytes: Buffer.concat(chunks), tooLarge: size > MAX_BODY_BYTES }));
        req.on("error", reject);
        // A client that goes away mid-body may end the request without 'end' or 'error'.
        req.on("close", () => reject(new Error("the client went away before sending its whole body")));
    });
}

function findOperation(method: string | undefined, path: string): OperationShape | undefined {
    return [...RAM_OPERATION_SHAPES.values()].find((op) => op.method === method && op.path === path);
}

/** Starts serving `emulator` on `port` (0 for any free port). */
export async function listen(emulator: Emulator, port: number, log: (line: string) => void): Promise<EmulatorServer> {
    const ram = new RamEndpoint(emulator, log);
    const inFlight = new Set<Promise<void>>();

    async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
        const url = new URL(req.url ?? "/", `http://${HOST}`);
        const body = await readBody(req);
        if (url.pathname.startsWith(ADMIN_PREFIX)) {
            if (body.tooLarge) {
                sendJson(res, 413, JSON.stringify({ message: `the body is over ${MAX_BODY_BYTES} bytes` }));
            } else {
                handleAdminRequest(emulator, req.method ?? "", url, body.bytes, res);
            }
            return;
        }
        if (isStsRequest(req)) {
            await handleStsRequest(req, body.bytes, emulator, res, log);
            return;
        }
        const organizationsOperation = targetOperation(req, ORGANIZATIONS_TARGET_PREFIX);
        if (organizationsOperation !== undefined) {
            if (isServedOrganizationsOperation(organizationsOperation)) {
                await handleOrganizationsRequest(emulator, organizationsOperation, req, res, body, log);
            } else {
                sendUnknownOrganizationsOperation(res, organizationsOperation);
            }
            return;
        }
        const operation = findOperation(req.method, url.pathname);
        if (!operation) {
            sendError(
                res,
                new ApiError(
                    "UnknownOperationException",
                    `No RAM operation is served at ${req.method} ${url.pathname}.`,
                ),
            );
            return;
        }
        await ram.handle(operation, req, res, body);
    }

    const server: Server = createServer((req, res) => {
        const handling = serve(req, res)
            .catch((err: unknown) => {
                // Only a broken connection gets here (the body never arrived whole); there is nobody to answer.
                log(`request failed: ${err instanceof Error ? err.message : String(err)}`);
                req.socket.destroy();
            })
            .finally(() => inFlight.delete(handling));
        inFlight.add(handling);
    });
    // A request Node cannot even parse gets a plain 400 and its connection closed.
    server.on("clientError", (_err, socket) => {
        if (socket.writable) {
            socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        } else {
            socket.destroy();
        }
    });

    await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, HOST, () => {
            server.off("error", reject);
            resolve();
        });
    });
    const { port: actualPort } = server.address() as AddressInfo;

    return {
        endpoint: `http://${HOST}:${actualPort}`,
        async close() {
            const closed = new Promise<void>((resolve) => server.close(() => resolve()));
            // Requests already being handled finish and are answered; then every connection goes.
            while (inFlight.size > 0) {
                await Promise.allSettled([...inFlight]);
            }
            server.closeAllConnections();
            await closed;
        },
    };
}
