/**
 * AWS Config invoking events: parsing ({@link dev.lambdashield.rules.event.EventParser}), the message types, and
 * collecting the configuration items an event is about ({@link dev.lambdashield.rules.event.ItemCollector}),
 * including the fetch an oversized notification needs and the inventory walk of a periodic run. Every item
 * leaves this package in notification form (see {@link dev.lambdashield.rules.event.ConfigurationItems}).
 */
package dev.lambdashield.rules.event;
