package com.stockoutradar.grid.store;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The rows of a {@code COPY ... TO STDOUT (FORMAT binary)}, field by field, straight from the bytes PostgreSQL
 * sends: no text to parse and no object per field, which is what makes a cold start from COPY faster than a JDBC
 * cursor. Fields are read in the order of the query's columns; a column's type must match the method used.
 */
final class BinaryCopyReader {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final int NULL = -1;

    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;

    BinaryCopyReader(InputStream in) throws IOException {
        this.in = in;
        require(SIGNATURE.length + 8);
        if (!Arrays.equals(buffer, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new IOException("not the output of COPY ... (FORMAT binary)");
        }
        position = SIGNATURE.length + 4; // the flags: none defined that change the layout
        int extension = readInt();
        require(extension);
        position += extension;
    }

    /** Moves to the next row; false after the last. */
    boolean next() throws IOException {
        require(2);
        short fields = (short) ((buffer[position] & 0xff) << 8 | buffer[position + 1] & 0xff);
        position += 2;
        return fields != -1;
    }

    /** A {@code bigint} that is never null. */
    long int8() throws IOException {
        if (fieldLength() != 8) {
            throw new IOException("expected a bigint");
        }
        return readLong();
    }

    /** A {@code bigint} that may be null. */
    Long nullableInt8() throws IOException {
        int length = fieldLength();
        return length == NULL ? null : readLong();
    }

    /** A {@code text}, null or not. */
    String text() throws IOException {
        int length = fieldLength();
        if (length == NULL) {
            return null;
        }
        require(length);
        String text = new String(buffer, position, length, StandardCharsets.UTF_8);
        position += length;
        return text;
    }

    /** A {@code bigint[]} of any number of dimensions, its elements in row-major order; null when null. */
    long[] int8Array() throws IOException {
        if (fieldLength() == NULL) {
            return null;
        }
        int dimensions = readInt();
        readInt(); // whether there are null elements: a bigint[] of sums and counts has none
        readInt(); // the element type
        int elements = dimensions == 0 ? 0 : 1;
        for (int i = 0; i < dimensions; i++) {
            elements *= readInt();
            readInt(); // lower bound
        }
        long[] values = new long[elements];
        for (int i = 0; i < elements; i++) {
            values[i] = int8();
        }
        return values;
    }

    private int fieldLength() throws IOException {
        return readInt();
    }

    private int readInt() throws IOException {
        require(4);
        int value = (int) INT.get(buffer, position);
        position += 4;
        return value;
    }

    private long readLong() throws IOException {
        require(8);
        long value = (long) LONG.get(buffer, position);
        position += 8;
        return value;
    }

    /** Makes sure the next {@code bytes} bytes are in the buffer. */
    private void require(int bytes) throws IOException {
        if (limit - position >= bytes) {
            return;
        }
        if (bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Integer.highestOneBit(bytes) << 1);
        }
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
        while (limit < bytes) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                throw new EOFException("COPY ended in the middle of a row");
            }
            limit += read;
        }
    }
}
