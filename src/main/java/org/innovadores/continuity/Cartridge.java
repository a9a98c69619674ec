package org.innovadores.continuity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.innovadores.exercises.Templates;
import org.innovadores.lti.ToolUrls;
import org.innovadores.program.ModuleContent;
import org.innovadores.program.Program;
import org.innovadores.program.ProgramItems;
import org.innovadores.program.ProgramModule;
import org.innovadores.program.Programs;

/**
 * The program as an IMS Common Cartridge 1.3: one LTI resource link per module, workshop and
 * exercise, in the program's order, each launching the tool with the item's custom parameter, so
 * importing it once places every activity in an LMS course.
 */
@ApplicationScoped
public class Cartridge {

    static final String CP = "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1";
    static final String LOM = "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest";
    static final String LTICC = "http://www.imsglobal.org/xsd/imslticc_v1p3";
    static final String BLTI = "http://www.imsglobal.org/xsd/imsbasiclti_v1p0";
    static final String LTICM = "http://www.imsglobal.org/xsd/imslticm_v1p0";
    static final String LTICP = "http://www.imsglobal.org/xsd/imslticp_v1p0";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    @Inject
    Programs programs;

    @Inject
    Templates templates;

    @Inject
    ToolUrls urls;

    /** One link: its resource id, title and the item it launches. */
    record Link(String id, String title, String item) {
    }

    record Group(String title, List<Link> links) {
    }

    public void write(Program program, OutputStream out) throws IOException {
        List<Group> groups = new ArrayList<>();
        int n = 0;
        var titles = templates.all(program.id());
        for (ProgramModule module : programs.modules(program)) {
            if (module.status() != ProgramModule.Status.PUBLISHED) continue;
            ModuleContent content = module.content();
            List<Link> links = new ArrayList<>();
            links.add(new Link("R" + (++n), content.title().text("es"), ProgramItems.module(module)));
            for (ModuleContent.Workshop w : content.workshops()) links.add(new Link("R" + (++n), w.title().text("es"), ProgramItems.workshop(module, w)));
            for (ModuleContent.ExerciseUse e : content.exercises()) {
                var version = titles.get(e.template());
                String title = version == null ? e.template() : version.definition().title().text("es");
                links.add(new Link("R" + (++n), title, ProgramItems.exercise(module, e)));
            }
            groups.add(new Group(content.title().text("es"), links));
        }
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        try {
            zip.putNextEntry(new ZipEntry("imsmanifest.xml"));
            manifest(program, groups, zip);
            zip.closeEntry();
            for (Group g : groups) {
                for (Link l : g.links()) {
                    zip.putNextEntry(new ZipEntry(l.id() + ".xml"));
                    link(l, zip);
                    zip.closeEntry();
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        zip.finish();
        zip.flush();
    }

    private void manifest(Program program, List<Group> groups, OutputStream out) throws XMLStreamException {
        XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        x.writeStartDocument("UTF-8", "1.0");
        x.setDefaultNamespace(CP);
        x.writeStartElement(CP, "manifest");
        x.writeDefaultNamespace(CP);
        x.writeNamespace("lomimscc", LOM);
        x.writeNamespace("xsi", XSI);
        x.writeAttribute("identifier", "M-" + program.id());
        x.writeAttribute(XSI, "schemaLocation", CP + " http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd "
                + LOM + " http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lommanifest_v1p0.xsd");
        x.writeStartElement(CP, "metadata");
        text(x, CP, "schema", "IMS Common Cartridge");
        text(x, CP, "schemaversion", "1.3.0");
        x.writeStartElement(LOM, "lom");
        x.writeStartElement(LOM, "general");
        x.writeStartElement(LOM, "title");
        x.writeStartElement(LOM, "string");
        x.writeAttribute("language", "es");
        x.writeCharacters(program.title().text("es"));
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
        x.writeStartElement(CP, "organizations");
        x.writeStartElement(CP, "organization");
        x.writeAttribute("identifier", "O1");
        x.writeAttribute("structure", "rooted-hierarchy");
        x.writeStartElement(CP, "item");
        x.writeAttribute("identifier", "ROOT");
        int g = 0;
        for (Group group : groups) {
            x.writeStartElement(CP, "item");
            x.writeAttribute("identifier", "G" + (++g));
            text(x, CP, "title", group.title());
            for (Link l : group.links()) {
                x.writeStartElement(CP, "item");
                x.writeAttribute("identifier", "I" + l.id());
                x.writeAttribute("identifierref", l.id());
                text(x, CP, "title", l.title());
                x.writeEndElement();
            }
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
        x.writeStartElement(CP, "resources");
        for (Group group : groups) {
            for (Link l : group.links()) {
                x.writeStartElement(CP, "resource");
                x.writeAttribute("identifier", l.id());
                x.writeAttribute("type", "imsbasiclti_xmlv1p3");
                x.writeStartElement(CP, "file");
                x.writeAttribute("href", l.id() + ".xml");
                x.writeEndElement();
                x.writeEndElement();
            }
        }
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndDocument();
        x.flush();
    }

    private void link(Link l, OutputStream out) throws XMLStreamException {
        XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        x.writeStartDocument("UTF-8", "1.0");
        x.setDefaultNamespace(LTICC);
        x.writeStartElement(LTICC, "cartridge_basiclti_link");
        x.writeDefaultNamespace(LTICC);
        x.writeNamespace("blti", BLTI);
        x.writeNamespace("lticm", LTICM);
        x.writeNamespace("lticp", LTICP);
        x.writeNamespace("xsi", XSI);
        x.writeAttribute(XSI, "schemaLocation", LTICC + " http://www.imsglobal.org/xsd/lti/ltiv1p3/imslticc_v1p3.xsd "
                + BLTI + " http://www.imsglobal.org/xsd/lti/ltiv1p0/imsbasiclti_v1p0p1.xsd "
                + LTICM + " http://www.imsglobal.org/xsd/lti/ltiv1p0/imslticm_v1p0.xsd "
                + LTICP + " http://www.imsglobal.org/xsd/lti/ltiv1p0/imslticp_v1p0.xsd");
        text(x, BLTI, "title", l.title());
        x.writeStartElement(BLTI, "custom");
        x.writeStartElement(LTICM, "property");
        x.writeAttribute("name", ProgramItems.CUSTOM_PARAMETER);
        x.writeCharacters(l.item());
        x.writeEndElement();
        x.writeEndElement();
        text(x, BLTI, "launch_url", urls.launch());
        if (urls.launch().startsWith("https://")) text(x, BLTI, "secure_launch_url", urls.launch());
        x.writeStartElement(BLTI, "vendor");
        text(x, LTICP, "code", "innovadores-publicos");
        text(x, LTICP, "name", "Innovadores Públicos");
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndDocument();
        x.flush();
    }

    private static void text(XMLStreamWriter x, String ns, String name, String value) throws XMLStreamException {
        x.writeStartElement(ns, name);
        x.writeCharacters(value == null ? "" : value);
        x.writeEndElement();
    }
}
