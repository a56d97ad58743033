/**
 * The engine's errors: one unchecked root, {@link io.jenkins.plugins.multiarch.engine.error.MultiarchException}, and
 * typed subclasses a caller can act on without reading messages.
 *
 * <pre>
 * MultiarchException                     anything the engine reports
 * ├── InvalidInputException              the caller's input cannot work (a reference, platform, size, request)
 * ├── CancelledException                 the calling thread was interrupted; the operation stopped
 * └── RegistryException                  a registry request failed: status, error codes, worth retrying or not
 *     ├── NotFoundException              manifest, tag, blob or repository not there (404, *_UNKNOWN)
 *     ├── AccessDeniedException          401/403: no credentials, credentials refused, or not permitted
 *     ├── RegistryUnreachableException   no answer: connection refused or reset, timeouts
 *     └── BadContentException            an answer we refuse: wrong digest, malformed or oversized content
 * </pre>
 *
 * Domain packages add their own subclasses of the root (e.g. {@code PublishException} with every problem of a
 * publish, {@code PlatformBuildException} naming the failed command). Messages say what failed and what to do in
 * words every front end can show; hints that name a front end's options (command-line flags, Jenkins fields) are
 * added by that front end from the types here.
 */
package io.jenkins.plugins.multiarch.engine.error;
