/**
 * The audit log: who viewed personal data or evidence, who changed what, who logged in. Append-only and
 * tamper-evident: every entry carries the hash of the one before, so a changed or removed entry breaks the
 * chain at that point, which {@link org.ombud.audit.AuditLog#verify()} finds.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "cases", "conversations" })
package org.ombud.audit;
