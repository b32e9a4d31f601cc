package io.skiff.apiserver.alloc;

/** Node ports from a range (30000-32767 by default). */
public final class NodePortAllocator {
    private final int first;
    private final int last;
    private final RangeAllocator range;

    public NodePortAllocator(int first, int last) {
        this.first = first;
        this.last = last;
        this.range = new RangeAllocator(last - first + 1);
    }

    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    public String rangeText() {
        return first + "-" + last;
    }

    public boolean allocate(int port) {
        return contains(port) && range.allocate(port - first);
    }

    /** A free port, or -1 when the range is exhausted. */
    public int allocateNext() {
        int offset = range.allocateNext();
        return offset < 0 ? -1 : first + offset;
    }

    public void release(int port) {
        if (contains(port)) {
            range.release(port - first);
        }
    }
}
