/**
 * Guards against wrong-architecture programs in images, the cause of {@code exec format error}: reads the ELF header
 * of the program an image runs, straight from its layer blobs, and compares it with the image's platform.
 *
 * <p>Entry points: {@link io.jenkins.plugins.multiarch.engine.verify.binary.BinaryPlatformCheck} (the program the
 * image starts, following PATH, symlinks and {@code #!} interpreters) and
 * {@link io.jenkins.plugins.multiarch.engine.verify.binary.AllBinariesScan} (every ELF file in the newest layers).
 * Callers supply layers as {@link io.jenkins.plugins.multiarch.engine.verify.binary.LayerSource} (bottom first, opened
 * lazily), the run settings as {@link io.jenkins.plugins.multiarch.engine.verify.binary.ImageRunConfig} and the
 * platform as {@link io.jenkins.plugins.multiarch.engine.verify.binary.ExpectedPlatform}; nothing here depends on the
 * registry client.
 *
 * <p>How much is read. Layers are streamed newest first and never extracted; memory is constant (the first
 * {@value io.jenkins.plugins.multiarch.engine.verify.binary.ImageFile#HEAD_BYTES} bytes of a found file). A file in
 * layer N is only known to be visible after every newer layer was read completely, since any of them may delete it;
 * layer N is read up to the file's entry and older layers are not opened. Each symlink, hard link or symlinked
 * directory on the way ({@code /bin -> usr/bin}, {@code sh -> dash}) costs another pass from the newest layer, and a
 * PATH search must read every layer to prove that earlier PATH directories lack the program. All reads of one image
 * share a byte budget (512 MiB of compressed bytes by default); running out gives "not checked", never a failure.
 *
 * <p>Overlay semantics follow the OCI image spec and overlayfs: {@code .wh.NAME} whiteouts and {@code .wh..wh..opq}
 * opaque directories hide older layers only; a directory in a newer layer hides an older non-directory at the same
 * path (and everything under it); entries imply their parent directories.
 */
package io.jenkins.plugins.multiarch.engine.verify.binary;
