/**
 * AWS Signature Version 4, server side: reading the `Authorization` header (which names the
 * access key, and in its credential scope the region) and checking the signature against a
 * known secret key, the way AWS does: the request is signed again with the secret by the AWS SDK's
 * own signer (@smithy/signature-v4, as moto uses botocore's), and the two signatures compared.
 * Reference: "Create a signed AWS API request" in the IAM user guide.
 */
import { createHash, createHmac, Hash, Hmac, timingSafeEqual } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import type { Checksum, HttpRequest, SourceData } from "@smithy/types";
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

/** SHA-256 and HMAC-SHA256 over node:crypto, in the shape the signer takes (as @smithy/hash-node). */
class NodeSha256 implements Checksum {
    private hash: Hash | Hmac;

    constructor(private readonly secret?: SourceData) {
        this.hash = this.fresh();
    }

    update(data: Uint8Array | string): void {
        this.hash.update(data);
    }

    async digest(): Promise<Uint8Array> {
        return new Uint8Array(this.hash.digest());
    }

    reset(): void {
        this.hash = this.fresh();
    }

    private fresh(): Hash | Hmac {
        if (this.secret === undefined) {
            return createHash("sha256");
        }
        const key = typeof this.secret === "string" ? this.secret : Buffer.from(this.secret as Uint8Array);
        return createHmac("sha256", key);
    }
}

function safeDecode(value: string): string {
    try {
        return decodeURIComponent(value.replace(/\+/g, " "));
    } catch {
        return value;
    }
}

/** The query as a client hands it to its signer: decoded names and values, repeated names as lists. */
function decodedQuery(query: string): Record<string, string | string[]> {
    const decoded: Record<string, string | string[]> = {};
    for (const pair of query === "" ? [] : query.split("&")) {
        const eq = pair.indexOf("=");
        const [key, value] =
            eq < 0 ? [safeDecode(pair), ""] : [safeDecode(pair.slice(0, eq)), safeDecode(pair.slice(eq + 1))];
        const before = decoded[key];
        decoded[key] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
    }
    return decoded;
}

/** `20240101T000000Z` as a Date. */
function amzDateOf(request: SignedRequest): Date {
    const amzDate = request.headers["x-amz-date"]?.[0];
    const parts = amzDate && /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
    if (!parts) {
        throw new ApiError(
            "IncompleteSignatureException",
            "Authorization header requires existence of a 'X-Amz-Date' header",
        );
    }
    const [, year, month, day, hours, minutes, seconds] = parts.map(Number);
    return new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds));
}

/**
 * The signature the client should have sent, for the given secret key: the request as the client
 * signed it (the headers it named, the decoded query, the path as sent) signed again by the AWS
 * SDK's own signer, @smithy/signature-v4, at the client's date.
 */
async function expectedSignature(
    request: SignedRequest,
    auth: SigV4Authorization,
    secretAccessKey: string,
): Promise<string> {
    const signingDate = amzDateOf(request);
    const queryStart = request.rawUrl.indexOf("?");
    const headers = Object.fromEntries(
        auth.signedHeaders.map((name) => [name, (request.headers[name] ?? []).join(",")]),
    );
    const toSign: HttpRequest = {
        method: request.method,
        protocol: "http:",
        hostname: headers.host ?? "",
        path: queryStart < 0 ? request.rawUrl : request.rawUrl.slice(0, queryStart),
        query: decodedQuery(queryStart < 0 ? "" : request.rawUrl.slice(queryStart + 1)),
        headers,
        body: request.body,
    };
    const signer = new SignatureV4({
        service: auth.service,
        region: auth.region,
        credentials: { accessKeyId: auth.accessKeyId, secretAccessKey },
        sha256: NodeSha256,
        // Services other than S3 sign the path escaped a second time.
        uriEscapePath: true,
        applyChecksum: false,
    });
    const signed = await signer.sign(toSign, {
        signingDate,
        signingRegion: auth.region,
        signingService: auth.service,
        signableHeaders: new Set(auth.signedHeaders),
    });
    const authorization = String(signed.headers.authorization ?? signed.headers.Authorization ?? "");
    return /Signature=([0-9a-f]+)/.exec(authorization)?.[1] ?? "";
}

/** Throws `InvalidSignatureException` unless the request was signed with `secretAccessKey`. */
export async function verifySignature(
    request: SignedRequest,
    auth: SigV4Authorization,
    secretAccessKey: string,
): Promise<void> {
    const expected = Buffer.from(await expectedSignature(request, auth, secretAccessKey));
    const given = Buffer.from(auth.signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
        throw new ApiError(
            "InvalidSignatureException",
            "The request signature we calculated does not match the signature you provided. " +
                "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
        );
    }
}
