package org.ombud.cases;

public record EvidenceContent(Evidence evidence, byte[] bytes) {
}
