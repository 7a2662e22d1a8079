package org.ombud.audit.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The audit log's sealer runs on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditScheduling {
}
