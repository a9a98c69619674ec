package org.innovadores.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Authored Markdown keeps its formatting and loses anything that could run in a reader's browser. */
class MarkdownTest {

    @Test
    void formattingSurvives() {
        String html = Markdown.toHtml("""
                ## Para qué sirve

                Texto con **negrita**, *énfasis* y un [enlace](https://example.org/guia).

                1. uno
                2. dos

                | actor | nivel |
                |---|---|
                | Municipio | meso |

                ![Mapa](/course/files/abc) <span lang="en">public value</span>
                """);
        assertThat(html).contains("<h2>Para qué sirve</h2>").contains("<strong>negrita</strong>").contains("<em>énfasis</em>")
                .contains("<a href=\"https://example.org/guia\" rel=\"noopener noreferrer\">enlace</a>")
                .contains("<ol>").contains("<table>").contains("<td>Municipio</td>")
                .contains("<img src=\"/course/files/abc\" alt=\"Mapa\">").contains("<span lang=\"en\">public value</span>");
    }

    @Test
    void attachmentLinksGetTheSessionToken() {
        String html = Markdown.toHtml("[guía](/course/files/f1) ![x](/course/files/f2) [otro](https://example.org/course/files/)",
                url -> url + "?s=T");
        assertThat(html).contains("href=\"/course/files/f1?s=T\"").contains("src=\"/course/files/f2?s=T\"")
                .contains("href=\"https://example.org/course/files/\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<img src=\"javascript:alert(1)\">",
            "[clic](javascript:alert(1))",
            "[clic](JaVaScRiPt:alert(1))",
            "[clic](  javascript:alert(1))",
            "[clic](java&#x09;script:alert(1))",
            "[clic](&#106;avascript:alert(1))",
            "[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[clic](vbscript:msgbox(1))",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">x</a>",
            "<svg onload=alert(1)><circle r=1/></svg>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
            "<form action=\"https://evil.example\"><input name=a><button>go</button></form>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<p onclick=\"alert(1)\" onmouseover=alert(1)>x</p>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
            "<details open ontoggle=alert(1)>x</details>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<base href=\"https://evil.example/\">",
            "<link rel=stylesheet href=\"https://evil.example/x.css\">",
            "<style>body{display:none}</style>",
            "<a href=\"https://ok.example\" target=\"_top\" formaction=\"javascript:alert(1)\">x</a>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
            "<!--<img src=x onerror=alert(1)>-->",
            "![x](javascript:alert(1))",
            "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
            "<textarea><script>alert(1)</script></textarea>",
            "<template><script>alert(1)</script></template>",
            "<a href=\"\\u006aavascript:alert(1)\">x</a>",
    })
    void xssPayloadsComeOutInert(String payload) {
        for (String markdown : new String[] {payload, "texto\n\n" + payload, "- " + payload, "> " + payload}) {
            String html = Markdown.toHtml(markdown);
            assertInert(html);
        }
    }

    static void assertInert(String html) {
        for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            assertThat(element.tagName()).as(html).isNotIn("script", "iframe", "object", "embed", "form", "input", "button",
                    "style", "link", "meta", "base", "svg", "math", "textarea", "template", "noscript");
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().toLowerCase(Locale.ROOT).replaceAll("\\s", "");
                assertThat(name).as(html).doesNotStartWith("on").isNotIn("style", "formaction", "srcdoc", "target");
                assertThat(value).as(html).doesNotContain("javascript:").doesNotContain("vbscript:").doesNotStartWith("data:");
            }
        }
    }
}
