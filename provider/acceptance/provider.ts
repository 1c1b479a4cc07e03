import type * as pulumi from "@pulumi/pulumi";
import { configureFromStack } from "../ram/provider-config";
import { RamSessions } from "../ram/sessions";
import { phaseOf } from "../rejection/update-phase";
import { diffAnswer } from "../rejection/diff";
import { updateAnswer } from "../rejection/update";
import { checkAcceptance } from "./check";
import { createAcceptance } from "./create";
import { deleteAcceptance } from "./delete";
import { ACCEPTANCE_UPDATABLE_FIELDS, AcceptanceInputs, AcceptanceState } from "./properties";
import { readAcceptance } from "./read";

/**
 * The dynamic provider behind {@link InvitationAcceptance}: like the rejection's, each method
 * delegates to the file named after it, and everything that talks to AWS comes from sessions made
 * in the provider process, so the serialized provider holds no client or credential.
 */
export class AcceptanceProvider implements pulumi.dynamic.ResourceProvider<AcceptanceInputs, AcceptanceState> {
    private readonly sessions: RamSessions;

    // No field initializers: Pulumi's closure serializer rebuilds a class from its constructor's text.
    constructor() {
        this.sessions = new RamSessions();
    }

    async configure(request: pulumi.dynamic.ConfigureRequest): Promise<void> {
        configureFromStack(this.sessions, (key) => request.config.get(key));
    }

    check(olds: Partial<AcceptanceInputs>, news: Partial<AcceptanceInputs>): Promise<pulumi.dynamic.CheckResult> {
        return checkAcceptance(this.sessions, olds, news, phaseOf(news));
    }

    async diff(_id: pulumi.ID, olds: AcceptanceState, news: AcceptanceInputs): Promise<pulumi.dynamic.DiffResult> {
        return diffAnswer(olds, news, ACCEPTANCE_UPDATABLE_FIELDS);
    }

    create(inputs: AcceptanceInputs): Promise<pulumi.dynamic.CreateResult<AcceptanceState>> {
        return createAcceptance(this.sessions, inputs);
    }

    async update(_id: pulumi.ID, olds: AcceptanceState, news: AcceptanceInputs): Promise<pulumi.dynamic.UpdateResult> {
        return updateAnswer(olds, news, ACCEPTANCE_UPDATABLE_FIELDS);
    }

    async read(id: pulumi.ID, props?: AcceptanceState): Promise<pulumi.dynamic.ReadResult<AcceptanceState>> {
        if (!props) {
            // Reading by id alone is an import; the dynamic resource has no URN to derive a token from here.
            throw new Error(
                `${id}: an InvitationAcceptance cannot be read by id alone. Import it with the provider plugin ` +
                    `(pulumi import ram-invitations:index:InvitationAcceptance <name> <invitationArn>).`,
            );
        }
        return readAcceptance(this.sessions, id, props);
    }

    delete(id: pulumi.ID, props: AcceptanceState): Promise<void> {
        return deleteAcceptance(this.sessions, id, props);
    }
}
