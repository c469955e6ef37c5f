package com.oversight.transparency;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The report as PDF: the template {@code transparency/pdf.html} (XHTML) with the same view and
 * charts as the page, laid out by openhtmltopdf. A draft's PDF says DRAFT on every page.
 */
@Component
class ReportPdf {

  /** Fonts used when the machine has them (for text beyond Latin-1); else the PDF's own. */
  private static final List<String> FONT_FILES = List.of(
      "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
      "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");

  private final ITemplateEngine templates;

  ReportPdf(ITemplateEngine templates) {
    this.templates = templates;
  }

  byte[] render(ReportView view, ReportFigures figures) {
    Map<String, String> charts = new LinkedHashMap<>();
    for (String name : ReportCharts.NAMES) {
      ReportCharts.png(figures, name).ifPresent(png -> charts.put(name,
          "data:image/png;base64," + Base64.getEncoder().encodeToString(png)));
    }
    Context context = new Context(Locale.ENGLISH);
    context.setVariable("view", view);
    context.setVariable("charts", charts);
    context.setVariable("dejavu", new File(FONT_FILES.get(0)).isFile());
    String xhtml = templates.process(new TemplateSpec("transparency/pdf", TemplateMode.XML),
        context);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      File regular = new File(FONT_FILES.get(0));
      File bold = new File(FONT_FILES.get(1));
      if (regular.isFile() && bold.isFile()) {
        builder.useFont(regular, "DejaVu Sans", 400,
            com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.useFont(bold, "DejaVu Sans", 700,
            com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL, true);
      }
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
