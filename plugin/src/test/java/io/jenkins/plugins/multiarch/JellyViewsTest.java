package io.jenkins.plugins.multiarch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.ProcessingInstruction;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What Jenkins would only find out when a page is shown: every Jelly view under src/main/resources is well-formed
 * XML that escapes by default, and every field of a config view has its help file.
 */
class JellyViewsTest {

    private static final Path RESOURCES = Path.of(System.getProperty("basedir", "."), "src", "main", "resources");
    private static final String FORM_TAGS = "/lib/form";

    @Test
    void everyViewEscapesByDefault() throws Exception {
        List<Path> views = jellyViews();
        assertFalse(views.isEmpty(), "no Jelly view under " + RESOURCES);
        for (Path view : views) {
            ProcessingInstruction first = firstProcessingInstruction(parse(view));
            assertTrue(first != null && first.getTarget().equals("jelly")
                            && first.getData().replace('"', '\'').equals("escape-by-default='true'"),
                    RESOURCES.relativize(view) + " must start with <?jelly escape-by-default='true'?>");
        }
    }

    @Test
    void everyConfigFieldHasHelp() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Path view : jellyViews()) {
            String name = view.getFileName().toString();
            if (!name.equals("config.jelly") && !name.equals("global.jelly")) {
                continue;
            }
            NodeList entries = parse(view).getElementsByTagNameNS(FORM_TAGS, "entry");
            for (int i = 0; i < entries.getLength(); i++) {
                String field = ((Element) entries.item(i)).getAttribute("field");
                if (!field.isEmpty() && !Files.isRegularFile(view.resolveSibling("help-" + field + ".html"))) {
                    missing.add(RESOURCES.relativize(view.resolveSibling("help-" + field + ".html")).toString());
                }
            }
        }
        assertEquals(List.of(), missing, "help files missing");
    }

    private static List<Path> jellyViews() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(f -> f.toString().endsWith(".jelly")).sorted().toList();
        }
    }

    /** Jelly's own processing instruction, which must come before the root element (after comments, if any). */
    private static ProcessingInstruction firstProcessingInstruction(Document document) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
                return (ProcessingInstruction) node;
            }
            if (node.getNodeType() == Node.ELEMENT_NODE) {
                return null;
            }
        }
        return null;
    }

    private static Document parse(Path view) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new DefaultHandler()); // throws on what is not well-formed, prints nothing
        try {
            return builder.parse(view.toFile());
        } catch (SAXException e) {
            throw new AssertionError(RESOURCES.relativize(view) + " is not well-formed XML: " + e.getMessage(), e);
        }
    }
}
