package com.oversight.grievance;

import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The grievance channel's settings ({@code oversight.grievance.*}, docs/grievances.md). The
 * deadlines become date variables of GrievanceProcess, which its timers read.
 *
 * @param acknowledgmentPeriod the acknowledgment deadline (EU 2019/1937 Art. 9: 7 days)
 * @param feedbackPeriod feedback deadline from the acknowledgment (Art. 9: 3 months)
 * @param feedbackReminder how long before the feedback deadline the handlers are reminded
 * @param retention how long a closed report is kept before its content is purged
 * @param encryptionKey base64 AES-256 key for report content; empty: the key file is used
 * @param keyFile try-it mode: where the generated local key lives (outside git)
 * @param codeAttemptsPerMinute receipt-code look-ups allowed per minute, for everyone together
 * @param maxAttachments attachments per submission
 * @param maxAttachmentSize size limit of one attachment
 * @param attachmentTypes accepted attachment types
 */
@ConfigurationProperties("oversight.grievance")
public record GrievanceSettings(
    @DefaultValue("P7D") Period acknowledgmentPeriod,
    @DefaultValue("P3M") Period feedbackPeriod,
    @DefaultValue("P14D") Period feedbackReminder,
    @DefaultValue("P2Y") Period retention,
    @DefaultValue("") String encryptionKey,
    @DefaultValue("./data/grievance.key") String keyFile,
    @DefaultValue("30") int codeAttemptsPerMinute,
    @DefaultValue("5") int maxAttachments,
    @DefaultValue("10MB") DataSize maxAttachmentSize,
    @DefaultValue({"application/pdf", "image/png", "image/jpeg", "text/plain"})
    List<String> attachmentTypes) {

  /** The defaults, for tests. */
  public static GrievanceSettings defaults() {
    return new GrievanceSettings(Period.ofDays(7), Period.ofMonths(3), Period.ofDays(14),
        Period.ofYears(2), "", "./data/grievance.key", 30, 5, DataSize.ofMegabytes(10),
        List.of("application/pdf", "image/png", "image/jpeg", "text/plain"));
  }
}
