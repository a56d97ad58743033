package io.jenkins.plugins.multiarch.engine.imagebuild.tool;

import io.jenkins.plugins.multiarch.engine.reference.Digest;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the digest from {@code docker push}'s closing line: {@code 1.0-arm64: digest: sha256:... size: 528}. */
final class DockerPushOutput {

    private static final Pattern DIGEST_LINE =
            Pattern.compile("^\\s*(\\S+): digest: ([a-z0-9]+:[a-zA-Z0-9=_-]+) size: \\d+\\s*$");

    private DockerPushOutput() {
    }

    /** The digest docker reported for {@code tag}; the last such line wins. */
    public static Digest digestFor(String tag, List<String> lines) throws DigestReadException {
        Digest found = null;
        for (String line : lines) {
            Matcher m = DIGEST_LINE.matcher(line);
            if (m.matches() && m.group(1).equals(tag)) {
                found = Digest.parse(m.group(2));
            }
        }
        if (found == null) {
            throw new DigestReadException("docker push printed no line '" + tag
                    + ": digest: sha256:... size: N'; its last lines were: " + String.join(" | ", lastFew(lines)));
        }
        return found;
    }

    private static List<String> lastFew(List<String> lines) {
        return lines.subList(Math.max(0, lines.size() - 5), lines.size());
    }
}
