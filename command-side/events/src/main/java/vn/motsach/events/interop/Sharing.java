package vn.motsach.events.interop;

/**
 * What the libraries of a liên thông group share, each level including the ones before it: their
 * catalogues; with how many copies are on the shelf now; and lending copies to each other.
 */
public enum Sharing {
    CATALOGUE,
    AVAILABILITY,
    LENDING;

    public boolean includes(Sharing level) {
        return compareTo(level) >= 0;
    }
}
