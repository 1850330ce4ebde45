package org.newsline.extract.article;

/**
 * Finds which of a fixed set of lower-case ASCII keywords occur inside a string, by walking a trie from each
 * start position. Children are arrays indexed by character, so a walk costs a few array reads: cheaper than a
 * regex or many {@code indexOf} calls per element. Characters outside ASCII never match.
 */
final class KeywordMatcher {

    private static final int ALPHABET = 128;

    private static final class Node {
        final Node[] next = new Node[ALPHABET];
        int flags;
    }

    private final Node root = new Node();

    /** Adds {@code keyword} (lower-case ASCII) with {@code flag} bits reported when it occurs. */
    KeywordMatcher add(String keyword, int flag) {
        Node node = root;
        for (int i = 0; i < keyword.length(); i++) {
            char c = keyword.charAt(i);
            if (c >= ALPHABET) {
                throw new IllegalArgumentException("keyword must be ASCII: " + keyword);
            }
            if (node.next[c] == null) {
                node.next[c] = new Node();
            }
            node = node.next[c];
        }
        node.flags |= flag;
        return this;
    }

    /** The union of flags of every keyword occurring in {@code text}, which must already be lower case. */
    int match(String text) {
        int flags = 0;
        int n = text.length();
        for (int start = 0; start < n; start++) {
            Node node = root;
            for (int i = start; i < n; i++) {
                char c = text.charAt(i);
                node = c < ALPHABET ? node.next[c] : null;
                if (node == null) {
                    break;
                }
                flags |= node.flags;
            }
        }
        return flags;
    }
}
