/**
 * SLA: policies, business calendars, clocks and breaches. The business-time arithmetic lives in
 * {@link org.ombud.sla.BusinessCalendar}, apart from the clocks that use it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.ombud.sla;
