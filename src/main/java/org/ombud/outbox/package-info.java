/**
 * Durable delivery of everything we send on a channel: replies, notifications, buttons. A message to send is
 * written in the same transaction as what caused it; workers on any node deliver it through the channel's
 * {@link org.ombud.channels.ChannelAdapter}, in order per chat, within the channel's pace, retried with
 * backoff, never twice; a final failure is recorded on the message.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "channels", "conversations", "identity", "live" })
package org.ombud.outbox;
