package org.nanum.dataimport.csv;

import java.util.Arrays;

/** The raw bytes of the value being read and the line it starts on, to place a bad byte on its own line. */
final class FieldBytes {
    byte[] bytes = new byte[256];
    int length;
    int startLine;

    void start(int line) {
        length = 0;
        startLine = line;
    }

    void append(int b) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[length++] = (byte) b;
    }

    /** The line of the byte at an offset: the start line plus the line breaks before it (CR LF counts once). */
    int lineAt(int offset) {
        int line = startLine;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= length || bytes[i + 1] != '\n'))) {
                line++;
            }
        }
        return line;
    }
}
