/**
 * Live signals for open consoles: "conversation 42 changed", "case 7 changed", "alarm on conversation 42".
 * A signal names what changed, never its content: a console that hears one fetches what it may see through
 * the ordinary, permission-checked pages. Signals are sent after the transaction that caused them commits,
 * and reach every node (PostgreSQL LISTEN/NOTIFY; in-process on H2).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.ombud.live;
