package com.oversight.grievance;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Files over the servlet's upload limits on the public pages: the request is refused while it is
 * read, before any controller runs, so no {@code @ExceptionHandler} sees it. Instead of a 500 or
 * a white-label page the reporter gets the page they came from again (413) saying what the limits
 * are; nothing was stored. What they typed could not be read, so the page says so.
 */
@Component
public class ReportUploadLimitResolver implements HandlerExceptionResolver, Ordered {

  static final String TOO_LARGE = "Your files are too large: each file may be at most %d MB, and"
      + " you can send at most %d files. Nothing was sent or stored. What you wrote could not be"
      + " kept either: if going back in your browser does not bring it back, please write it"
      + " again, and attach smaller files.";

  private final GrievanceSettings settings;

  public ReportUploadLimitResolver(GrievanceSettings settings) {
    this.settings = settings;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }

  @Override
  public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
      Object handler, Exception exception) {
    if (!(exception instanceof MaxUploadSizeExceededException)) {
      return null;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.equals("/report") && !path.startsWith("/report/")) {
      return null;
    }
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
    List<ReportPagesController.PageError> errors = List.of(new ReportPagesController.PageError(
        "attachments", TOO_LARGE.formatted(settings.maxAttachmentSize().toMegabytes(),
            settings.maxAttachments())));
    if (path.startsWith("/report/follow-up")) {
      ModelAndView page = new ModelAndView(ReportPagesController.CODE_FORM,
          HttpStatus.PAYLOAD_TOO_LARGE);
      ReportPagesController.withErrors(page, List.of(new ReportPagesController.PageError(
          "receiptCode", errors.get(0).message() + " Enter your receipt code to see your report"
              + " and write again.")));
      return page;
    }
    return ReportPagesController.form(new ReportPagesController.ReportForm(), errors,
        HttpStatus.PAYLOAD_TOO_LARGE, settings);
  }
}
