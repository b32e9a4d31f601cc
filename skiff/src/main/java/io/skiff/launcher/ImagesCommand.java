package io.skiff.launcher;

import io.skiff.kubelet.images.ImageBuilder;
import io.skiff.kubelet.images.ImageRecipe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code skiff images build|load}: the tutorial images without a public registry. */
@Command(name = "images", description = "Build the tutorial images offline, or load an image tarball.",
        subcommands = {ImagesCommand.Build.class, ImagesCommand.Load.class})
final class ImagesCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("usage: skiff images build [--force] " + String.join("|", ImageRecipe.names()) + "...");
        System.out.println("       skiff images load FILE.tar");
    }

    @Command(name = "build", description = "Build images from Debian packages (a cached debootstrap minbase) and import them into Docker.")
    static final class Build implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "nginx, busybox, redis, registry, pause or all")
        List<String> images;

        @Option(names = "--force", description = "Rebuild even when the image is present.")
        boolean force;

        @Override
        public Integer call() throws Exception {
            DockerEngine.ensureRunning();
            ImageBuilder builder = ImageBuilder.withDefaults();
            List<String> names = images.contains("all") ? ImageRecipe.names() : images;
            for (String name : names) {
                ImageRecipe recipe = ImageRecipe.named(name).orElse(null);
                if (recipe == null) {
                    System.err.println("✗ unknown image " + name + " (known: " + String.join(", ", ImageRecipe.names()) + ")");
                    return 2;
                }
                System.out.println("• " + name + " …");
                boolean built = builder.build(name, force);
                System.out.println((built ? "✓ built " : "✓ already present: ") + String.join(", ", recipe.tags()));
            }
            return 0;
        }
    }

    @Command(name = "load", description = "Import an image tarball (docker save format) into the node's engine, like kind load.")
    static final class Load implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE.tar")
        List<Path> files;

        @Override
        public Integer call() throws Exception {
            DockerEngine.ensureRunning();
            for (Path f : files) {
                ImageBuilder.load(f);
                System.out.println("✓ loaded " + f);
            }
            return 0;
        }
    }
}
