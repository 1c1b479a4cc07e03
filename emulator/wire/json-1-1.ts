/**
 * The awsJson1_1 protocol of Organizations: every request a POST to `/` naming its operation in
 * `X-Amz-Target`, replies of content type `application/x-amz-json-1.1`, and errors named in the
 * body's `__type` (and the `x-amzn-ErrorType` header, which the JS SDK and botocore both read)
 * with the members the model gives the error (`Message`, and e.g. `Reason`). JSON bodies and
 * epoch-second timestamps are as in restJson1 (rest-json.ts).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiError } from "./api-error";
import { sendJson } from "./rest-json";

const CONTENT_TYPE = "application/x-amz-json-1.1";

/**
 * The operation an awsJson1_1 request names for the service with `targetPrefix`, or undefined when
 * it names none of that service's.
 */
export function targetOperation(req: IncomingMessage, targetPrefix: string): string | undefined {
    const target = req.headers["x-amz-target"];
    return typeof target === "string" && target.startsWith(targetPrefix)
        ? target.slice(targetPrefix.length)
        : undefined;
}

export function sendJson11(res: ServerResponse, body: string): void {
    sendJson(res, 200, body, { "content-type": CONTENT_TYPE });
}

export function sendJson11Error(res: ServerResponse, error: ApiError): void {
    const body = JSON.stringify({ __type: error.code, Message: error.message, ...error.details });
    sendJson(res, error.httpStatus, body, { "content-type": CONTENT_TYPE, "x-amzn-errortype": error.code });
}
