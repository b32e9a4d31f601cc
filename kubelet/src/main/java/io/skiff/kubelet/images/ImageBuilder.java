package io.skiff.kubelet.images;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the tutorial images offline: a root file system from Debian packages, imported into
 * the local Docker engine with {@code docker import}. The debootstrap result is cached under
 * the cache directory and shared by every image (and every process: builds take a file lock).
 */
public final class ImageBuilder {
    private static final Logger log = LoggerFactory.getLogger(ImageBuilder.class);

    private final Path cacheDir;
    private final DebianMirror mirror;

    public ImageBuilder(Path cacheDir, DebianMirror mirror) {
        this.cacheDir = cacheDir;
        this.mirror = mirror;
    }

    /** $SKIFF_CACHE, or ~/.cache/skiff. */
    public static Path defaultCacheDir() {
        String env = System.getenv("SKIFF_CACHE");
        return env != null && !env.isEmpty() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "skiff");
    }

    public static ImageBuilder withDefaults() throws IOException {
        return new ImageBuilder(defaultCacheDir(), DebianMirror.fromSystem());
    }

    /** True when the engine already has every tag of the image. */
    public static boolean present(ImageRecipe recipe) {
        return recipe.tags().stream().allMatch(t -> Shell.succeeds("docker", "image", "inspect", t));
    }

    /** Builds the image unless it is present (or {@code force}); returns true when it built. */
    public boolean build(String name, boolean force) throws IOException {
        ImageRecipe recipe = ImageRecipe.named(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown image " + name + "; known: " + ImageRecipe.names()));
        Files.createDirectories(cacheDir);
        try (FileChannel ch = FileChannel.open(cacheDir.resolve("images.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            if (!force && present(recipe)) {
                return false;
            }
            long t0 = System.nanoTime();
            Path work = Files.createTempDirectory(cacheDir, "build-" + name + "-");
            try {
                Path root = work.resolve("root");
                if (recipe.busyboxOnly()) {
                    busyboxRoot(work, root);
                } else {
                    packageRoot(recipe, root);
                }
                importRoot(recipe, root);
            } finally {
                deleteTree(work);
            }
            log.info("built image {} ({}) in {} ms", name, String.join(", ", recipe.tags()), (System.nanoTime() - t0) / 1_000_000);
            return true;
        }
    }

    /** Imports an image tarball ({@code docker save} output, or a root file system tar with {@code asRootFs}). */
    public static void load(Path tarball) throws IOException {
        Shell.run(null, "docker", "load", "-i", tarball.toString());
    }

    /** A static busybox and its applet links: enough for busybox and the pause sandbox. */
    private void busyboxRoot(Path work, Path root) throws IOException {
        try {
            Shell.run(work, "apt-get", "download", "-q", "busybox-static");
        } catch (IOException e) {
            // a fresh machine may have no package lists yet
            Shell.run(null, "apt-get", "update", "-q");
            Shell.run(work, "apt-get", "download", "-q", "busybox-static");
        }
        Shell.bash("cd " + Shell.quote(work) + " && dpkg-deb -x busybox-static_*.deb root");
        Shell.bash("cd " + Shell.quote(root) + " && mkdir -p usr/bin sbin usr/sbin tmp etc root var/run proc sys dev"
                + " && chmod 1777 tmp"
                + " && for a in $(./bin/busybox --list-full); do [ -e \"$a\" ] || ln -s /bin/busybox \"$a\"; done"
                + " && printf 'root:x:0:0:root:/root:/bin/sh\\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\\n' > etc/passwd"
                + " && printf 'root:x:0:\\nnogroup:x:65534:\\n' > etc/group");
    }

    /** A copy of the cached minbase with the recipe's packages installed in a chroot. */
    private void packageRoot(ImageRecipe recipe, Path root) throws IOException {
        Path base = minbase();
        Shell.run(null, "cp", "-a", base.toString(), root.toString());
        Files.copy(Path.of("/etc/resolv.conf"), root.resolve("etc/resolv.conf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // No init in a chroot: policy-rc.d keeps package scripts from starting services.
        Path policy = root.resolve("usr/sbin/policy-rc.d");
        Files.writeString(policy, "#!/bin/sh\nexit 101\n");
        policy.toFile().setExecutable(true);
        String setup = recipe.shellSetup().isEmpty() ? "true" : recipe.shellSetup();
        Shell.run(null, "chroot", root.toString(), "sh", "-c",
                "apt-get install -y -q --no-install-recommends " + String.join(" ", recipe.packages())
                        + " && " + setup + " && apt-get clean && rm -rf /var/lib/apt/lists/* /usr/sbin/policy-rc.d");
        Files.writeString(root.resolve("etc/resolv.conf"), "");
    }

    /** debootstrap --variant=minbase, once per suite; later builds copy it. */
    Path minbase() throws IOException {
        Path base = cacheDir.resolve("rootfs").resolve(mirror.suite() + "-minbase");
        if (Files.exists(base.resolve(".skiff-complete"))) {
            return base;
        }
        Path tmp = base.resolveSibling(base.getFileName() + ".tmp");
        deleteTree(tmp);
        Files.createDirectories(tmp.getParent());
        log.info("debootstrap --variant=minbase {} from {} (cached in {})", mirror.suite(), mirror.uri(), base);
        Shell.run(null, "debootstrap", "--variant=minbase", mirror.suite(), tmp.toString(), mirror.uri());
        Shell.run(null, "chroot", tmp.toString(), "apt-get", "clean");
        deleteTree(base);
        Files.move(tmp, base);
        Files.writeString(base.resolve(".skiff-complete"), "");
        return base;
    }

    private static void importRoot(ImageRecipe recipe, Path root) throws IOException {
        Files.deleteIfExists(root.resolve(".skiff-complete"));
        List<String> cmd = new ArrayList<>(List.of("docker", "import"));
        for (String change : recipe.changes()) {
            cmd.add("--change");
            cmd.add(change);
        }
        cmd.add("-");
        cmd.add(recipe.tags().get(0));
        Shell.bash("tar -C " + Shell.quote(root) + " --numeric-owner -c . | " + Shell.join(cmd));
        for (String tag : recipe.tags().subList(1, recipe.tags().size())) {
            Shell.run(null, "docker", "tag", recipe.tags().get(0), tag);
        }
    }

    /** rm -rf: root file systems hold device nodes and absolute symlinks that must not be followed. */
    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Shell.run(null, "rm", "-rf", "--one-file-system", dir.toString());
        }
    }
}
