package org.magentokafka.change;

/**
 * What the state records for a key: the content hash last published ({@code null} once the key was deleted) and
 * the key's event sequence, the number of events published for it (created, updated, deleted: each counts one).
 * The sequence never goes back, not even across a delete and a re-creation, so the id derived from it is new for
 * every new event; a change re-sent after a crash (published, never committed) gets the same number again.
 */
public record KeyVersion(Long hash, int sequence) {

    /** A key the state never saw. */
    public static final KeyVersion NONE = new KeyVersion(null, 0);

    /** True while the key is published (not deleted, not unknown). */
    public boolean live() {
        return hash != null;
    }

    /** The version of the next event for this key: the new content hash, or {@code null} for a deletion. */
    public KeyVersion next(Long newHash) {
        return new KeyVersion(newHash, Math.addExact(sequence, 1));
    }
}
