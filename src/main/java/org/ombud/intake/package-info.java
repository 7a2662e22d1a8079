/**
 * The inbound pipeline: check what a person sent, identify the contact, thread it into a conversation,
 * open the case. The web form, the API and the hotline all come in through {@link org.ombud.intake.Intake}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "contacts", "conversations", "cases" })
package org.ombud.intake;
