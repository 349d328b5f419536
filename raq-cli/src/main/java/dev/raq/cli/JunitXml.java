package dev.raq.cli;

import dev.raq.core.gate.GateResult;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes gate results as a JUnit XML report — one test case per gate, a failure carrying its reason — which CI
 * systems show in their test tabs. The JDK's XML writer escapes every text.
 */
final class JunitXml {

    private JunitXml() {
    }

    static void write(Path file, String suite, List<GateResult> results, double seconds) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        long failures = results.stream().filter(r -> !r.passed()).count();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", xmlSafe(suite));
            xml.writeAttribute("tests", String.valueOf(results.size()));
            xml.writeAttribute("failures", String.valueOf(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("time", String.format(Locale.ROOT, "%.3f", seconds));
            for (GateResult r : results) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", "raq.gates");
                xml.writeAttribute("name", xmlSafe(r.gate()));
                if (r.passed()) {
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(xmlSafe(r.detail()));
                    xml.writeEndElement();
                } else {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", xmlSafe(r.detail()));
                    xml.writeCharacters(xmlSafe(r.toString()));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            out.write('\n');
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The text with every character XML 1.0 does not allow (most control characters, lone surrogates) replaced. */
    static String xmlSafe(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                sb.append(c).append(text.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)) {
                sb.append(c);
            } else {
                sb.append('\uFFFD');
            }
        }
        return sb.toString();
    }
}
