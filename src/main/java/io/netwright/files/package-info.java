/**
 * Reading files a user hands us, safely: only regular files (never a pipe or device, which would block or never
 * end), never more bytes than a cap, text decoded as strict UTF-8, JSON parsed with a nesting limit and read through
 * typed accessors that name the file, the field path and what was expected, and one guard that turns any failure of a
 * reader into a one-line {@link java.io.IOException} naming the file. Imports nothing of ours, so every layer may use
 * it.
 */
package io.netwright.files;
