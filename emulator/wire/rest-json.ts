/**
 * RAM's wire protocol, restJson1: JSON bodies, timestamps as epoch seconds, and errors named
 * in the `x-amzn-ErrorType` header (which both the JS SDK and botocore read first) with the
 * message in the body.
 */
import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { isPlainObject } from "../plain-object";
import { ApiError } from "./api-error";

/** JSON text of a reply; Dates become epoch seconds (with milliseconds), as restJson1 sends timestamps. */
export function encodeJson(value: unknown): string {
    return JSON.stringify(value, function (this: Record<string, unknown>, key: string, encoded: unknown) {
        // JSON.stringify hands over a Date already turned into a string; the holder still has the Date.
        const original = this[key];
        return original instanceof Date ? original.getTime() / 1000 : encoded;
    });
}

/** The request body as a JSON object; an empty body is an empty object, as the SDK may send none. */
export function parseJsonObject(body: Buffer): Record<string, unknown> {
    if (body.length === 0) {
        return {};
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(body.toString("utf8"));
    } catch {
        throw new ApiError("SerializationException", "The request body is not valid JSON.");
    }
    if (!isPlainObject(parsed)) {
        throw new ApiError("SerializationException", "The request body must be a JSON object.");
    }
    return parsed;
}

/** Sends a JSON reply with the headers an AWS service sends. */
export function sendJson(
    res: ServerResponse,
    status: number,
    body: string,
    headers: Record<string, string> = {},
): void {
    if (res.destroyed) {
        return;
    }
    res.writeHead(status, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
        "x-amzn-requestid": randomUUID(),
        ...headers,
    });
    res.end(body);
}

/** Sends an error the way RAM does. */
export function sendError(res: ServerResponse, error: ApiError): void {
    sendJson(res, error.httpStatus, JSON.stringify({ message: error.message }), { "x-amzn-errortype": error.code });
}
