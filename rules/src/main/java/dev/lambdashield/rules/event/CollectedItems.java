package dev.lambdashield.rules.event;

import java.util.List;

/**
 * The resources an invocation is about.
 *
 * @param items    the resources, each once
 * @param complete false when the inventory walk stopped early because the invocation ran low on time. Resources
 *                 gone from the inventory are then not looked for either.
 * @param calls    AWS Config read calls made
 */
public record CollectedItems(List<EventItem> items, boolean complete, int calls) {

    public CollectedItems {
        items = List.copyOf(items);
    }
}
