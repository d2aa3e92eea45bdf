package org.masthead.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list: its items, which page (1-based), the page size and the total count. */
public record PageSlice<T>(List<T> items, int page, int size, long total) {

    public PageSlice {
        items = List.copyOf(items);
    }

    public int totalPages() {
        return total == 0 ? 1 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages();
    }

    public <R> PageSlice<R> map(Function<T, R> mapper) {
        return new PageSlice<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /** Clamps a requested page number from a URL to 1 or more. */
    public static int pageNumber(Integer requested) {
        return requested == null || requested < 1 ? 1 : requested;
    }

    public long offset() {
        return (long) (page - 1) * size;
    }
}
