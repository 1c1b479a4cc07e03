/**
 * STS's wire form, awsQuery: answers are XML in STS's namespace, each `<Action>Response` holding
 * an `<Action>Result` and the request id; errors are an `ErrorResponse` naming their code and who
 * is at fault (`Sender`: the caller; `Receiver`: the service).
 */
import type { ServerResponse } from "node:http";

const NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

/** An STS error answer. */
export class StsError extends Error {
    constructor(
        readonly code: string,
        readonly httpStatus: number,
        message: string,
        readonly type: "Sender" | "Receiver" = "Sender",
    ) {
        super(message);
        this.name = code;
    }
}

/** A `ValidationError`, as STS answers parameters that break its model's constraints. */
export function validationError(message: string): StsError {
    return new StsError("ValidationError", 400, message);
}

export function escapeXml(text: string): string {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Elements in the order given, each with its text escaped: `{ A: "x" }` is `<A>x</A>`. */
export function xmlElements(values: Record<string, string>): string {
    return Object.entries(values)
        .map(([name, text]) => `<${name}>${escapeXml(text)}</${name}>`)
        .join("");
}

/** A time as STS writes it: ISO 8601 to the second. */
export function stsTime(ms: number): string {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Sends an action's result: `result` is the XML inside `<Action>Result`. */
export function sendStsResult(res: ServerResponse, action: string, result: string, requestId: string): void {
    sendXml(
        res,
        200,
        `<${action}Response xmlns="${NAMESPACE}"><${action}Result>${result}</${action}Result>` +
            `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`,
    );
}

export function sendStsError(res: ServerResponse, error: StsError, requestId: string): void {
    sendXml(
        res,
        error.httpStatus,
        `<ErrorResponse xmlns="${NAMESPACE}"><Error><Type>${error.type}</Type><Code>${error.code}</Code>` +
            `<Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
    );
}

function sendXml(res: ServerResponse, status: number, xml: string): void {
    res.writeHead(status, { "content-type": "text/xml", "content-length": Buffer.byteLength(xml) });
    res.end(xml);
}
