/**
 * The Case: public number, category, status (an explicit transition table), priority, team, assignee,
 * reported object, evidence and the timeline of every change. Also the catalogue of categories and
 * subcategories with the team each routes to.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "contacts", "conversations", "identity" })
package org.ombud.cases;
