/**
 * Demo data for a first look: agents in every team and some thirty cases in English, Russian and Chinese in
 * various states. Loaded once into an empty desk when {@code ombud.demo.enabled} is true.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "cases", "intake", "conversations", "contacts" })
package org.ombud.demo;
