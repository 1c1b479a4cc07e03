import type * as pulumi from "@pulumi/pulumi";
import * as implementation from "./rejection-provider";
import type { RejectionInputs } from "./rejection-provider";
import type { RejectionState } from "./rejection-state";

type Provider = pulumi.dynamic.ResourceProvider<RejectionInputs, RejectionState>;

/**
 * What Pulumi serializes into the state of every rejection (`__provider`): a few lines that
 * create the real provider inside the provider process. Pulumi writes a module found under
 * node_modules as a `require` of it, so for an installed package the text stays this small
 * instead of carrying the whole implementation into every resource's state (and into every
 * checkpoint the engine writes). The provider is kept on this object, which the provider
 * process deserializes once, so all resources of a run share it: one loader, one client per region.
 */
export const serializableProvider: Provider & { instance?: implementation.RejectionProvider } = {
    instance: undefined,
    configure(request) {
        return provider(this).configure(request);
    },
    check(olds, news) {
        return provider(this).check(olds, news);
    },
    diff(id, olds, news) {
        return provider(this).diff(id, olds, news);
    },
    create(inputs) {
        return provider(this).create(inputs);
    },
    read(id, props) {
        return provider(this).read(id, props);
    },
    delete(id) {
        return provider(this).delete(id);
    },
};

function provider(holder: { instance?: implementation.RejectionProvider }): implementation.RejectionProvider {
    holder.instance ??= new implementation.RejectionProvider();
    return holder.instance;
}
