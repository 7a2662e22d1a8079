/**
 * Conversations (one thread on one channel) and their Messages: inbound from the contact, outbound replies,
 * and internal Notes that are never sent.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "contacts", "identity" })
package org.ombud.conversations;
