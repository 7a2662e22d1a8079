/**
 * SLA: policies (targets chosen by channel, category, priority and organisation), business calendars, the clocks
 * that run on conversations (first reply) and case stages, breach detection on any node and escalation. Clocks
 * move with the events of {@code conversations} and {@code cases}, in the same transaction. The business-time
 * arithmetic lives in {@link org.ombud.sla.BusinessCalendar}, apart from the clocks that use it.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "cases", "conversations", "contacts", "identity", "live" })
package org.ombud.sla;
