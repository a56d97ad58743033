package io.jenkins.plugins.multiarch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.multiarch.cli.output.PublishOutput;
import io.jenkins.plugins.multiarch.engine.imagebuild.PlatformBuildResult;
import io.jenkins.plugins.multiarch.engine.publish.PublishResult;
import io.jenkins.plugins.multiarch.engine.reference.ImageReference;
import java.util.List;
import java.util.Optional;

/**
 * What {@code multiarch build} prints on standard output: one {@code PLATFORM DIGEST} line per image (the
 * {@code --digest-file} format), then the publish result if it published; or all of it as one JSON object.
 */
record BuildResultOutput(ImageReference target, String builder, List<PlatformBuildResult> images,
                         Optional<PublishResult> published) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** {@code linux/amd64 sha256:...}, one line per platform in request order, each ending in a newline. */
    String digestLines() {
        StringBuilder sb = new StringBuilder();
        images.forEach(image -> sb.append(image.platform()).append(' ').append(image.digest()).append('\n'));
        return sb.toString();
    }

    String toText() {
        return digestLines() + published.map(p -> "\n" + PublishOutput.text(p)).orElse("");
    }

    String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("target", target.toString());
        root.put("repository", target.repositoryName());
        root.put("builder", builder);
        ArrayNode list = root.putArray("images");
        for (PlatformBuildResult image : images) {
            ObjectNode node = list.addObject();
            node.put("platform", image.platform().toString());
            node.put("digest", image.digest().toString());
            node.put("reference", image.digestReference().toString());
            node.put("temporaryTag", image.temporaryTagName().orElse(null));
        }
        if (published.isPresent()) {
            root.set("published", PublishOutput.jsonNode(published.get()));
        } else {
            root.putNull("published");
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
