package io.netwright.backend.cuda;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the images in a CUDA fatbin, as nvcc {@code --fatbin} writes it, without CUDA tools: enough to check that
 * the committed fatbin holds SASS for every arch we ship and the PTX for the JIT.
 *
 * <p>The layout, little-endian: one or more containers, each a 16-byte header (u32 magic {@code 0xBA55ED50}, u16
 * version, u16 header size, u64 size of the entries that follow) and its entries. Each entry starts with a header
 * of its own: u16 kind (1 = PTX, 2 = ELF/SASS) at 0, u32 header size at 4, u64 payload size at 8, u32 arch (sm
 * number, 75 for sm_75) at 28; the next entry follows at header size + payload size. Payloads may be compressed.
 */
final class FatbinInfo {

    static final int MAGIC = 0xBA55ED50;
    static final int KIND_PTX = 1;
    static final int KIND_ELF = 2;

    /** One image: its kind, its arch, its payload size in the file, and whether the payload is a plain ELF. */
    record Entry(int kind, int sm, long size, boolean plainElf) {

        String kindName() {
            return switch (kind) {
                case KIND_PTX -> "PTX";
                case KIND_ELF -> "ELF";
                default -> "kind" + kind;
            };
        }

        @Override
        public String toString() {
            return kindName() + " " + (kind == KIND_PTX ? "compute_" : "sm_") + sm;
        }
    }

    private FatbinInfo() {
    }

    /** The entries of every container in {@code fatbin}, in file order. */
    static List<Entry> entries(byte[] fatbin) {
        ByteBuffer b = ByteBuffer.wrap(fatbin).order(ByteOrder.LITTLE_ENDIAN);
        List<Entry> out = new ArrayList<>();
        int pos = 0;
        while (pos < fatbin.length) {
            need(b, pos, 16, "container header");
            if (b.getInt(pos) != MAGIC) {
                throw new IllegalArgumentException(String.format(
                        "fatbin: bad magic 0x%08X at offset %d (expected 0x%08X)", b.getInt(pos), pos, MAGIC));
            }
            int headerSize = Short.toUnsignedInt(b.getShort(pos + 6));
            long bodySize = b.getLong(pos + 8);
            long end = pos + (long) headerSize + bodySize;
            if (headerSize < 16 || bodySize < 0 || end > fatbin.length) {
                throw new IllegalArgumentException("fatbin: container at offset " + pos + " claims " + headerSize
                        + " + " + bodySize + " bytes, the file has " + fatbin.length);
            }
            long e = pos + headerSize;
            while (e < end) {
                int at = Math.toIntExact(e);
                need(b, at, 32, "entry header");
                int kind = Short.toUnsignedInt(b.getShort(at));
                long entryHeader = Integer.toUnsignedLong(b.getInt(at + 4));
                long size = b.getLong(at + 8);
                int sm = b.getInt(at + 28);
                long next = e + entryHeader + size;
                if (entryHeader < 32 || size < 0 || next > end) {
                    throw new IllegalArgumentException("fatbin: entry at offset " + at + " claims " + entryHeader
                            + " + " + size + " bytes, past its container's end at " + end);
                }
                int payload = Math.toIntExact(e + entryHeader);
                boolean elf = size >= 4 && fatbin[payload] == 0x7F && fatbin[payload + 1] == 'E'
                        && fatbin[payload + 2] == 'L' && fatbin[payload + 3] == 'F';
                out.add(new Entry(kind, sm, size, elf));
                e = next;
            }
            pos = Math.toIntExact(end);
            // containers may be padded to 8 bytes with zeros
            while (pos < fatbin.length && fatbin[pos] == 0) {
                pos++;
            }
        }
        return out;
    }

    private static void need(ByteBuffer b, int pos, int bytes, String what) {
        if (pos + bytes > b.capacity()) {
            throw new IllegalArgumentException("fatbin: truncated " + what + " at offset " + pos + " (file has "
                    + b.capacity() + " bytes)");
        }
    }
}
