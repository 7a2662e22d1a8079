/**
 * The channels we talk on. This package is the adapter API: what an outbound message is, what a delivery
 * attempt returned, and the {@link org.ombud.channels.ChannelAdapter} each channel implements. Sub-packages
 * hold one adapter each (e.g. {@code telegram}) with its webhook or poller and its settings.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.ombud.channels;
