/**
 * The dynamic provider of every InvitationAcceptance as Pulumi serializes it into state
 * (`__provider`): this module, written as a `require` of it for an installed package (see
 * serializable-provider.ts, the rejection's, for why a module and why the real provider is kept on
 * `this`). This file stays at this path: state written by every release holds a `require` of it.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { AcceptanceInputs, AcceptanceState } from "./core/acceptance/properties";
import { acceptanceProvider, AcceptanceProvider } from "./dynamic/answer-provider";

interface Holder {
    instance?: AcceptanceProvider;
}

function provider(holder: Holder): AcceptanceProvider {
    holder.instance ??= acceptanceProvider();
    return holder.instance;
}

export function configure(this: Holder, request: pulumi.dynamic.ConfigureRequest): Promise<void> {
    return provider(this).configure(request);
}

export function check(
    this: Holder,
    olds: Partial<AcceptanceInputs>,
    news: Partial<AcceptanceInputs>,
): Promise<pulumi.dynamic.CheckResult> {
    return provider(this).check(olds, news);
}

export function diff(
    this: Holder,
    id: pulumi.ID,
    olds: AcceptanceState,
    news: AcceptanceInputs,
): Promise<pulumi.dynamic.DiffResult> {
    return provider(this).diff(id, olds, news);
}

export function create(this: Holder, inputs: AcceptanceInputs): Promise<pulumi.dynamic.CreateResult<AcceptanceState>> {
    return provider(this).create(inputs);
}

export function update(
    this: Holder,
    id: pulumi.ID,
    olds: AcceptanceState,
    news: AcceptanceInputs,
): Promise<pulumi.dynamic.UpdateResult> {
    return provider(this).update(id, olds, news);
}

export function read(
    this: Holder,
    id: pulumi.ID,
    props?: AcceptanceState,
): Promise<pulumi.dynamic.ReadResult<AcceptanceState>> {
    return provider(this).read(id, props);
}

// `delete` is a reserved word, so it cannot be a function's name; it is exported under it.
function deleteResource(this: Holder, id: pulumi.ID, props: AcceptanceState): Promise<void> {
    return provider(this).delete(id, props);
}
export { deleteResource as delete };
