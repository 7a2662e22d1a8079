/**
 * Agents, teams and roles, login to the console and API tokens for platforms.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.ombud.identity;
