package org.masthead.admin.article;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Where the editor's scripts and styles are: Quill from its WebJar (the version read from the jar, so a
 * version bump in the build needs no change here) and the back office's own {@code /js/editor.js},
 * with its content hash when resource versioning is on.
 */
@Component
class EditorAssets {

    private static final String QUILL_POM = "META-INF/maven/org.webjars.npm/quill/pom.properties";

    private final String quillBase;
    private final ObjectProvider<ResourceUrlProvider> resources;

    EditorAssets(ObjectProvider<ResourceUrlProvider> resources) {
        this.resources = resources;
        this.quillBase = "/webjars/quill/" + quillVersion() + "/dist/";
    }

    String quillJs() {
        return quillBase + "quill.min.js";
    }

    String quillCss() {
        return quillBase + "quill.snow.css";
    }

    String editorJs() {
        ResourceUrlProvider urls = resources.getIfAvailable();
        String versioned = urls == null ? null : urls.getForLookupPath("/js/editor.js");
        return versioned == null ? "/js/editor.js" : versioned;
    }

    private static String quillVersion() {
        try (InputStream in = EditorAssets.class.getClassLoader().getResourceAsStream(QUILL_POM)) {
            if (in == null) {
                throw new IllegalStateException("the Quill WebJar is not on the class path (" + QUILL_POM + ")");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + QUILL_POM, e);
        }
    }
}
