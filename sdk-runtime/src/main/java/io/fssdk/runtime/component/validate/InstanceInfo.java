package io.fssdk.runtime.component.validate;

import java.util.List;
import java.util.Map;

/**
 * An instance type, or the type of an instance: its exports by name. Every component-level instance has a
 * statically known type (from an import's instance type, an instantiated component's exports or a bag of
 * exports), which is what lets {@code alias export} be checked by name and sort.
 */
final class InstanceInfo extends ExternsInfo {
    /**
     * @param exports the exports by name, in order
     * @param freeResource whether the type's declarations alias a resource-mentioning type from outside
     */
    InstanceInfo(Map<String, Extern> exports, boolean freeResource) {
        super(List.of(), exports, freeResource);
    }

    @Override
    public String describe() {
        return "an instance type";
    }
}
