package org.nanum.dataimport.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Characters from UTF-8 bytes, refusing bytes that are not UTF-8 instead of turning them into
 * "?": the characters before a bad byte are handed out first, then {@link NotUtf8Exception} says
 * on which line it sits. A leading BOM is skipped.
 */
final class StrictUtf8Reader extends Reader {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" 0x").withUpperCase();
    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
    private final CharBuffer chars = CharBuffer.allocate(16 * 1024).flip();
    private boolean endOfInput;
    private boolean started;
    private int line = 1;
    private NotUtf8Exception pending;

    /** Bytes that are not UTF-8, at a line. */
    static final class NotUtf8Exception extends CharacterCodingException {
        final int line;
        final String bytes;

        NotUtf8Exception(int line, String bytes) {
            this.line = line;
            this.bytes = bytes;
        }

        @Override
        public String getMessage() {
            return "bytes that are not UTF-8 (0x" + bytes + ") on line " + line;
        }
    }

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (!chars.hasRemaining()) {
            if (pending != null) {
                throw pending;
            }
            decodeMore();
            if (!chars.hasRemaining()) {
                if (pending != null) {
                    throw pending;
                }
                return -1;
            }
        }
        int n = Math.min(length, chars.remaining());
        chars.get(target, offset, n);
        return n;
    }

    private void decodeMore() throws IOException {
        chars.clear();
        while (chars.position() == 0 && pending == null) {
            if (!bytes.hasRemaining() && endOfInput) {
                break;
            }
            readBytes();
            skipByteOrderMark();
            CoderResult result = utf8.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                int bad = Math.min(result.length(), bytes.remaining());
                byte[] sample = new byte[bad];
                bytes.get(bytes.position(), sample);
                pending = new NotUtf8Exception(line + linesIn(chars), HEX.formatHex(sample));
            } else if (endOfInput && !bytes.hasRemaining()) {
                utf8.flush(chars);
                break;
            }
        }
        line += linesIn(chars);
        chars.flip();
    }

    private void readBytes() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private void skipByteOrderMark() {
        if (!started && bytes.remaining() >= 3) {
            started = true;
            if ((bytes.get(0) & 0xFF) == 0xEF && (bytes.get(1) & 0xFF) == 0xBB && (bytes.get(2) & 0xFF) == 0xBF) {
                bytes.position(3);
            }
        }
    }

    /** Line breaks among the characters decoded so far into the buffer (it is still being written). */
    private static int linesIn(CharBuffer decoded) {
        int lines = 0;
        for (int i = 0; i < decoded.position(); i++) {
            if (decoded.get(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
