import type * as pulumi from "@pulumi/pulumi";
import { info } from "../diagnostics";
import { RamSession } from "../ram/session";
import { checkRejection } from "./check";
import { createRejection } from "./create";
import { diffRejection } from "./diff";
import type { RejectionInputs, RejectionState } from "./properties";
import { readRejection } from "./read";

/**
 * The dynamic provider behind {@link InvitationRejection}. Pulumi serializes it into state and runs
 * it in a separate process; each method delegates to the file named after it, and everything that
 * talks to AWS comes from a {@link RamSession} made in that process, so the serialized provider
 * holds no client or credential.
 */
export class RejectionProvider implements pulumi.dynamic.ResourceProvider<RejectionInputs, RejectionState> {
    private session: RamSession;

    // No field initializers: Pulumi's closure serializer rebuilds a class from its constructor's text.
    constructor() {
        this.session = new RamSession({});
    }

    async configure(request: pulumi.dynamic.ConfigureRequest): Promise<void> {
        this.session = new RamSession({ profile: request.config.get("aws:profile") || undefined });
    }

    check(olds: Partial<RejectionInputs>, news: Partial<RejectionInputs>): Promise<pulumi.dynamic.CheckResult> {
        return checkRejection(this.session, olds, news);
    }

    async diff(_id: pulumi.ID, olds: RejectionState, news: RejectionInputs): Promise<pulumi.dynamic.DiffResult> {
        return diffRejection(olds, news);
    }

    create(inputs: RejectionInputs): Promise<pulumi.dynamic.CreateResult<RejectionState>> {
        return createRejection(this.session, inputs);
    }

    read(id: pulumi.ID, props?: RejectionState): Promise<pulumi.dynamic.ReadResult<RejectionState>> {
        return readRejection(this.session, id, props);
    }

    async delete(id: pulumi.ID): Promise<void> {
        info(`${id}: a rejection cannot be undone; removing it from the stack only.`);
    }
}
