package io.walletrecon.data;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** One page of a list endpoint: the items, where we are, and how many there are in all. */
@RegisterForReflection
public record PageView<T>(List<T> items, int page, int size, long total) {
}
