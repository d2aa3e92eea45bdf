package org.masthead.platform;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * Pages are rendered into UTF-8 bytes and sent as one body with its length, instead of through the
 * response's character writer as the JTE starter's own view does.
 *
 * <p>Why: the templates are compiled with their static text already encoded (jte-maven-plugin
 * {@code binaryStaticContent}), so most of a page is copied, not encoded, on every render; only the values
 * are encoded, once. Through a {@code PrintWriter} every character went through the servlet writer's
 * encoder and its buffers: that writing path was a measurable share of an uncached article page
 * (bench/README.md, "Uncached article render"). A template that fails half-way still fails before any byte
 * was sent, so the error page is shown whole.
 */
@Configuration(proxyBeanMethods = false)
class TemplateViews {

    /** Replaces the starter's resolver (it backs off when one is defined), with the same settings. */
    @Bean
    JteViewResolver jteViewResolver(TemplateEngine templateEngine, JteProperties properties) {
        return new ByteViewResolver(templateEngine, properties);
    }

    private static final class ByteViewResolver extends JteViewResolver {

        private final TemplateEngine templateEngine;

        ByteViewResolver(TemplateEngine templateEngine, JteProperties properties) {
            super(templateEngine, properties);
            this.templateEngine = templateEngine;
        }

        @Override
        protected AbstractUrlBasedView instantiateView() {
            return new ByteView(templateEngine);
        }
    }

    static final class ByteView extends JteView {

        private final TemplateEngine templateEngine;

        ByteView(TemplateEngine templateEngine) {
            super(templateEngine);
            this.templateEngine = templateEngine;
        }

        @Override
        protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            Utf8ByteOutput output = new Utf8ByteOutput();
            templateEngine.render(getUrl(), model, output);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(output.getContentLength());
            output.writeTo(response.getOutputStream());
        }
    }
}
