import { expect } from "chai";
import * as api from "../../provider";

// The package's API is what provider/index.ts exports, on purpose: a new export is a decision,
// and this list is where it is made. Internals are imported by file path, by tests only.
describe("the public API", () => {
    it("exports what a program needs, and nothing else", () => {
        expect(Object.keys(api).sort()).to.deep.equal([
            "ACCEPTANCE_CLIENT_TOKEN_NAMESPACE",
            "CLIENT_TOKEN_NAMESPACE",
            "DEFAULT_MAX_REJECTIONS_PER_RUN",
            "INVITATION_ACCEPTANCE_TYPE_TOKEN",
            "INVITATION_POLICY_TYPE",
            "INVITATION_REJECTION_TYPE_TOKEN",
            "InvitationAcceptance",
            "InvitationPolicy",
            "InvitationRejection",
            "LEAVE_CLIENT_TOKEN_NAMESPACE",
            "POLICY_CONFIG_KEY",
            "REJECTIONS_CONFIG_KEY",
            "declareFromStackConfig",
            "declareRejectionsFromConfig",
            "deriveAcceptanceClientToken",
            "deriveClientToken",
            "getInvitations",
            "parseRamArn",
            "parseRejectionsConfig",
        ]);
    });
});
