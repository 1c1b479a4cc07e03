/**
 * AWS Signature Version 4, server side: reading the `Authorization` header (which names the
 * access key, and in its credential scope the region) and checking the signature against a
 * known secret key, the way AWS does.
 * Reference: "Create a signed AWS API request" in the IAM user guide.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { ApiError } from "./api-error";

const ALGORITHM = "AWS4-HMAC-SHA256";

/** What the `Authorization` header says. */
export interface SigV4Authorization {
    accessKeyId: string;
    /** YYYYMMDD from the credential scope. */
    date: string;
    region: string;
    service: string;
    signedHeaders: string[];
    signature: string;
}

/** The parts of a request a signature covers. */
export interface SignedRequest {
    method: string;
    /** Path and query exactly as sent on the wire. */
    rawUrl: string;
    /** Header values by lower-case name, repeated headers as separate values. */
    headers: Record<string, string[] | undefined>;
    body: Buffer;
}

/**
 * Reads `Authorization: AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/ram/aws4_request,
 * SignedHeaders=host;x-amz-date, Signature=hex`.
 */
export function parseAuthorization(header: string | undefined): SigV4Authorization {
    if (header === undefined || header.trim() === "") {
        throw new ApiError("MissingAuthenticationTokenException", "Missing Authentication Token");
    }
    const incomplete = (detail: string) =>
        new ApiError("IncompleteSignatureException", `Authorization header is not a SigV4 header: ${detail}`);
    if (!header.startsWith(`${ALGORITHM} `)) {
        throw incomplete(`it must start with ${ALGORITHM}`);
    }
    const fields = new Map<string, string>();
    for (const part of header.slice(ALGORITHM.length + 1).split(",")) {
        const eq = part.indexOf("=");
        if (eq > 0) {
            fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
        }
    }
    const credential = fields.get("Credential");
    const signedHeaders = fields.get("SignedHeaders");
    const signature = fields.get("Signature");
    if (!credential || !signedHeaders || !signature) {
        throw incomplete("it needs 'Credential', 'SignedHeaders' and 'Signature'");
    }
    const scope = credential.split("/");
    if (scope.length !== 5 || scope.some((p) => p === "") || scope[4] !== "aws4_request") {
        throw incomplete("the credential must be <access key>/<date>/<region>/<service>/aws4_request");
    }
    const [accessKeyId, date, region, service] = scope;
    return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(";"), signature };
}

/** RFC 3986 escaping, as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
function uriEscape(value: string): string {
    return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(value: string): string {
    try {
        return decodeURIComponent(value.replace(/\+/g, " "));
    } catch {
        return value;
    }
}

function canonicalQuery(query: string): string {
    if (query === "") {
        return "";
    }
    return query
        .split("&")
        .map((pair) => {
            const eq = pair.indexOf("=");
            const [key, value] = eq < 0 ? [pair, ""] : [pair.slice(0, eq), pair.slice(eq + 1)];
            return [uriEscape(safeDecode(key)), uriEscape(safeDecode(value))];
        })
        .sort(([k1, v1], [k2, v2]) => (k1 === k2 ? (v1 < v2 ? -1 : 1) : k1 < k2 ? -1 : 1))
        .map(([k, v]) => `${k}=${v}`)
        .join("&");
}

function sha256Hex(data: string | Buffer): string {
    return createHash("sha256").update(data).digest("hex");
}

function hmac(key: string | Buffer, data: string): Buffer {
    return createHmac("sha256", key).update(data, "utf8").digest();
}

/** The signature the client should have sent, for the given secret key. */
function expectedSignature(request: SignedRequest, auth: SigV4Authorization, secretAccessKey: string): string {
    const amzDate = request.headers["x-amz-date"]?.[0];
    if (!amzDate) {
        throw new ApiError(
            "IncompleteSignatureException",
            "Authorization header requires existence of a 'X-Amz-Date' header",
        );
    }
    const queryStart = request.rawUrl.indexOf("?");
    const path = queryStart < 0 ? request.rawUrl : request.rawUrl.slice(0, queryStart);
    const query = queryStart < 0 ? "" : request.rawUrl.slice(queryStart + 1);
    const canonicalHeaders = auth.signedHeaders
        .map((name) => {
            const values = (request.headers[name] ?? []).map((v) => v.trim().replace(/\s+/g, " "));
            return `${name}:${values.join(",")}\n`;
        })
        .join("");
    // Services other than S3 sign the path escaped a second time.
    const canonicalUri = uriEscape(path).replace(/%2F/g, "/");
    const payloadHash = request.headers["x-amz-content-sha256"]?.[0] ?? sha256Hex(request.body);
    const canonicalRequest = [
        request.method,
        canonicalUri,
        canonicalQuery(query),
        canonicalHeaders,
        auth.signedHeaders.join(";"),
        payloadHash,
    ].join("\n");
    const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
    const stringToSign = [ALGORITHM, amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
    const signingKey = hmac(
        hmac(hmac(hmac(`AWS4${secretAccessKey}`, auth.date), auth.region), auth.service),
        "aws4_request",
    );
    return createHmac("sha256", signingKey).update(stringToSign, "utf8").digest("hex");
}

/** Throws `InvalidSignatureException` unless the request was signed with `secretAccessKey`. */
export function verifySignature(request: SignedRequest, auth: SigV4Authorization, secretAccessKey: string): void {
    const expected = Buffer.from(expectedSignature(request, auth, secretAccessKey));
    const given = Buffer.from(auth.signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
        throw new ApiError(
            "InvalidSignatureException",
            "The request signature we calculated does not match the signature you provided. " +
                "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
        );
    }
}
