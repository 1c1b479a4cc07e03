import { expect } from "chai";
import * as ram from "@aws-sdk/client-ram";
import * as sts from "@aws-sdk/client-sts";
import { classifyRejectError, localFailureOf, problemOf } from "../../../provider/ram/errors";
import { roleAssumptionError } from "../../../provider/ram/role-access";
import { documentedErrors, sdkError } from "../../support/sdk-errors";

const REJECT_ERRORS = documentedErrors("RejectResourceShareInvitation");

describe("classifyRejectError and problemOf", () => {
    it("gives every error the SDK documents for RejectResourceShareInvitation a meaning", () => {
        for (const name of REJECT_ERRORS) {
            expect(problemOf(sdkError(name)), name).to.not.equal(undefined);
        }
    });

    it("adopts an invitation that is already rejected", () => {
        expect(classifyRejectError(sdkError("ResourceShareInvitationAlreadyRejectedException"))).to.equal("adopt");
    });

    it("treats an expired invitation as nothing to reject", () => {
        expect(classifyRejectError(sdkError("ResourceShareInvitationExpiredException"))).to.equal("expired");
    });

    for (const name of REJECT_ERRORS.filter(
        (n) =>
            n !== "ResourceShareInvitationAlreadyRejectedException" && n !== "ResourceShareInvitationExpiredException",
    )) {
        it(`fails on ${name}`, () => {
            expect(classifyRejectError(sdkError(name))).to.equal("fail");
        });
    }

    // The names are taken from the SDK's exported classes: they must be the names its errors carry.
    it("matches each SDK error by the name its instances carry", () => {
        const cases: [new (options: never) => Error, string][] = [
            [ram.ResourceShareInvitationAlreadyAcceptedException, "already-accepted"],
            [ram.ResourceShareInvitationAlreadyRejectedException, "already-rejected"],
            [ram.ResourceShareInvitationExpiredException, "expired"],
            [ram.ResourceShareInvitationArnNotFoundException, "arn-not-found"],
            [ram.MalformedArnException, "malformed-arn"],
            [ram.OperationNotPermittedException, "not-permitted"],
            [ram.IdempotentParameterMismatchException, "token-reused"],
            [ram.InvalidClientTokenException, "token-invalid"],
            [ram.UnknownResourceException, "unknown-resource"],
            [ram.ThrottlingException, "transient"],
            [ram.ServerInternalException, "transient"],
            [ram.ServiceUnavailableException, "transient"],
            [sts.ExpiredTokenException, "credentials-expired"],
        ];
        for (const [ErrorClass, problem] of cases) {
            const error = new ErrorClass({ message: "m", $metadata: {} } as never);
            expect(error.name, ErrorClass.name).to.equal(ErrorClass.name);
            expect(problemOf(error), ErrorClass.name).to.equal(problem);
        }
    });

    it("matches an error RAM's model does not declare by the name the SDK gives it", () => {
        // What the SDK makes of STS's ExpiredTokenException answered by RAM: RAM's base exception.
        const error = new ram.RAMServiceException({
            name: "ExpiredTokenException",
            $fault: "client",
            $metadata: {},
            message: "The security token included in the request is expired",
        });
        expect(error instanceof sts.ExpiredTokenException).to.equal(false);
        expect(problemOf(error)).to.equal("credentials-expired");
    });

    it("gives no meaning to values that are not errors, nor to errors it does not know", () => {
        expect(problemOf({ name: "ThrottlingException" })).to.equal(undefined);
        expect(problemOf("ThrottlingException")).to.equal(undefined);
        expect(problemOf(Object.assign(new Error("odd"), { name: "WeirdException" }))).to.equal(undefined);
        expect(localFailureOf(new Error("odd"))).to.equal(undefined);
    });

    it("tells a role refused from a role without credentials to assume it with", () => {
        const role = "arn:aws:iam::111122223333:role/r";
        const refused = roleAssumptionError(role, Object.assign(new Error("not allowed"), { name: "AccessDenied" }));
        expect(localFailureOf(refused)).to.deep.equal({
            kind: "role-refused",
            roleArn: role,
            message: "AccessDenied: not allowed",
        });
        const noCredentials = Object.assign(new Error("Could not load credentials"), {
            name: "CredentialsProviderError",
        });
        expect(localFailureOf(roleAssumptionError(role, noCredentials))).to.deep.equal({
            kind: "role-without-credentials",
            roleArn: role,
            detail: "Could not load credentials",
        });
    });
});
