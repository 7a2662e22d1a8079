package org.ombud.identity;

public record Team(long id, String key, String name) {
}
