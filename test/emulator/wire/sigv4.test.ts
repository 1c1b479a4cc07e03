import { expect } from "chai";
import { parseAuthorization, SignedRequest, verifySignature } from "../../../emulator/wire/sigv4";

// The worked example of AWS's "Create a signed AWS API request" (IAM ListUsers, 2015-08-30).
const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const AUTHORIZATION =
    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, " +
    "SignedHeaders=content-type;host;x-amz-date, " +
    "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";

function listUsers(overrides: Partial<SignedRequest> = {}): SignedRequest {
    return {
        method: "GET",
        rawUrl: "/?Action=ListUsers&Version=2010-05-08",
        headers: {
            "content-type": ["application/x-www-form-urlencoded; charset=utf-8"],
            host: ["iam.amazonaws.com"],
            "x-amz-date": ["20150830T123600Z"],
            // Not signed, so not checked.
            "user-agent": ["any"],
        },
        body: Buffer.alloc(0),
        ...overrides,
    };
}

async function refusal(request: SignedRequest, secret = SECRET): Promise<string | undefined> {
    try {
        await verifySignature(request, parseAuthorization(AUTHORIZATION), secret);
        return undefined;
    } catch (error) {
        return (error as { code?: string }).code;
    }
}

describe("emulator: SigV4 verification", () => {
    it("accepts AWS's worked example, signed query and all", async () => {
        expect(await refusal(listUsers())).to.equal(undefined);
    });

    it("accepts the same query with its parameters in another order", async () => {
        expect(await refusal(listUsers({ rawUrl: "/?Version=2010-05-08&Action=ListUsers" }))).to.equal(undefined);
    });

    it("refuses a changed query, header, method, body or secret: InvalidSignatureException", async () => {
        const changed: SignedRequest[] = [
            listUsers({ rawUrl: "/?Action=ListRoles&Version=2010-05-08" }),
            listUsers({ headers: { ...listUsers().headers, host: ["sts.amazonaws.com"] } }),
            listUsers({ method: "POST" }),
            listUsers({ body: Buffer.from("Action=DeleteUser") }),
        ];
        for (const request of changed) {
            expect(await refusal(request), JSON.stringify(request.rawUrl)).to.equal("InvalidSignatureException");
        }
        expect(await refusal(listUsers(), "another-secret")).to.equal("InvalidSignatureException");
    });

    it("asks for X-Amz-Date when it is missing: IncompleteSignatureException", async () => {
        const headers = { ...listUsers().headers, "x-amz-date": undefined };
        expect(await refusal(listUsers({ headers }))).to.equal("IncompleteSignatureException");
    });
});
