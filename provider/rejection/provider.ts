import type * as pulumi from "@pulumi/pulumi";
import { configureFromStack } from "../ram/provider-config";
import { RamSessions } from "../ram/sessions";
import { phaseOf } from "./update-phase";
import { checkRejection } from "./check";
import { createRejection } from "./create";
import { forgetRejection } from "./delete";
import { diffRejection } from "./diff";
import type { RejectionInputs, RejectionState } from "./properties";
import { readRejection } from "./read";
import { updateRejection } from "./update";

/**
 * The dynamic provider behind {@link InvitationRejection}. Pulumi serializes it into state and runs
 * it in a separate process; each method delegates to the file named after it, and everything that
 * talks to AWS comes from a session per role made in that process ({@link RamSessions}), so the
 * serialized provider holds no client or credential.
 */
export class RejectionProvider implements pulumi.dynamic.ResourceProvider<RejectionInputs, RejectionState> {
    private readonly sessions: RamSessions;

    // No field initializers: Pulumi's closure serializer rebuilds a class from its constructor's text.
    constructor() {
        this.sessions = new RamSessions();
    }

    async configure(request: pulumi.dynamic.ConfigureRequest): Promise<void> {
        configureFromStack(this.sessions, (key) => request.config.get(key));
    }

    check(olds: Partial<RejectionInputs>, news: Partial<RejectionInputs>): Promise<pulumi.dynamic.CheckResult> {
        return checkRejection(this.sessions, olds, news, phaseOf(news));
    }

    async diff(_id: pulumi.ID, olds: RejectionState, news: RejectionInputs): Promise<pulumi.dynamic.DiffResult> {
        return diffRejection(olds, news);
    }

    create(inputs: RejectionInputs): Promise<pulumi.dynamic.CreateResult<RejectionState>> {
        return createRejection(this.sessions, inputs);
    }

    async update(_id: pulumi.ID, olds: RejectionState, news: RejectionInputs): Promise<pulumi.dynamic.UpdateResult> {
        return updateRejection(olds, news);
    }

    read(id: pulumi.ID, props?: RejectionState): Promise<pulumi.dynamic.ReadResult<RejectionState>> {
        return readRejection(this.sessions, id, props);
    }

    delete(id: pulumi.ID): Promise<void> {
        return forgetRejection(id);
    }
}
