/**
 * People who write to us (Contact) and who they are on each channel (ChannelIdentity). One person, many
 * identities; an identity is unique per (channel, external id).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.ombud.contacts;
