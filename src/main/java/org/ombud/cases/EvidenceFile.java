package org.ombud.cases;

/** An uploaded file as received: the name the sender gave and its bytes. */
public record EvidenceFile(String fileName, byte[] bytes) {
}
