/**
 * Conversations (one thread on one channel) and their Messages: inbound from the contact, outbound replies,
 * and internal Notes that are never sent. Also the agents' chat list: each conversation's place in it, its
 * alarm, and each agent's pins, stars and read marks.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "contacts", "identity", "live" })
package org.ombud.conversations;
