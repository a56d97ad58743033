/**
 * Builds one image per platform with an external builder and pushes each into the target repository.
 *
 * <pre>{@code
 * BuildRequest request = BuildRequest.builder(ImageReference.parse("registry.example.com/team/app:1.0"), Path.of("."))
 *         .platforms(List.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64, Platform.parse("linux/arm/v7")))
 *         .build();                                   // by digest; .perPlatformTags("{arch}-{version}") to tag
 * PlatformBuildRunner builder = new PlatformBuildRunner(
 *         new BuildahTool(ContainersStorageOptions.defaults()),  // or Podman-, Docker-, Buildx-, KanikoTool
 *         new LocalCommandRunner(),                   // the Jenkins plugin passes its agent launcher instead
 *         LocalBuildWorkspace.factory(null),          // private temp dirs for auth and digest files
 *         List.of(new RegistryCredentials("registry.example.com", user, password)),
 *         LineSink.synchronizedSink(System.out::println))
 *         .withLayoutUploader(new OciLayoutUploader(registryClient));  // optional: buildah/podman uploads
 * List<PlatformBuildResult> results = new ParallelBuilds(builder, 2).run(request.platformBuilds());
 * }</pre>
 *
 * <p>Decisions, in one place:
 * <ul>
 *   <li>The platform's build arguments (TARGET*, BUILD*, GOOS/GOARCH/GOARM...) are always passed; a user build
 *       argument with one of those names is rejected ({@link io.jenkins.plugins.multiarch.engine.imagebuild.PlatformBuildArgs}).</li>
 *   <li>By digest is the default, and leaves no per-platform tag for buildx, buildah and podman. buildx pushes by
 *       digest itself. buildah and podman cannot push to a registry without a tag, so they push to an OCI layout in
 *       the build workspace ({@code push --digestfile F LOCAL oci:DIR}) and {@link
 *       io.jenkins.plugins.multiarch.engine.imagebuild.OciLayoutUploader} puts it into the repository by digest with our
 *       registry client; the layout's manifest must be the digest the tool reported (tests show it is also the
 *       digest of a direct push: the layers are compressed the same way). With a tag template the same upload
 *       writes the tag.</li>
 *   <li>docker and kaniko cannot push without a tag either, nor write a layout we could upload, so a by-digest build
 *       pushes under {@code multiarch-tmp-<platform>-<runId>} and the result says the tag is temporary.
 *       Distribution 2.x cannot delete a tag without deleting the manifest, so that tag stays; registries that can
 *       may have it deleted.</li>
 *   <li>Credentials go only into a 0600 {@code config.json} in a 0700 directory, named by {@code --authfile} or
 *       {@code DOCKER_CONFIG}, deleted when the build ends. Output and errors are masked for the password and the
 *       encoded pair as a second line of defence.</li>
 *   <li>A failed platform fails the run; builds not yet started are skipped and running ones finish
 *       ({@link io.jenkins.plugins.multiarch.engine.imagebuild.FailurePolicy}). Results keep request order.</li>
 * </ul>
 */
package io.jenkins.plugins.multiarch.engine.imagebuild;
